/**
 * Catalog routes: public search and product page; listing (上架) and delisting (下架).
 */
import { userOf } from '../../platform/http/principal.js';
import { createRouter, defineRoute, errorResponses, jsonResponse } from '../../platform/http/route.js';
import { catalogPolicies as P } from './catalog.policy.js';
import { etagMatches } from './catalog.page-cache.js';
import { presentSearch } from './catalog.presenter.js';
import * as S from './catalog.schemas.js';
import type { CatalogSearch } from './catalog.search.js';
import type { CatalogService } from './catalog.service.js';

const tags = ['catalog'];

const search = defineRoute({
  method: 'get',
  path: '/api/catalog/search',
  tags,
  operationId: 'searchCatalog',
  policy: P.search,
  summary: 'Search listed products (Chinese and English), with facets, sorting and cursor paging',
  request: { query: S.SearchQuery },
  responses: {
    200: jsonResponse(S.SearchResponse, 'A page of products with facet counts'),
    ...errorResponses(400),
  },
});
const product = defineRoute({
  method: 'get',
  path: '/api/catalog/products/{id}',
  tags,
  operationId: 'getCatalogProduct',
  policy: P.readProduct,
  summary: 'The product page: description, sample preview, policy (ODRL), certificate badge, provider',
  description:
    'Answers with an `ETag`; send it back in `If-None-Match` to get `304 Not Modified` while the page is unchanged. A node may serve a page up to 2 s stale after a change made on another node.',
  request: { params: S.ProductIdParam },
  responses: {
    200: jsonResponse(S.ProductPageResponse, 'The product page'),
    304: { description: 'Not modified: the page still has the ETag sent in `If-None-Match`' },
    ...errorResponses(404),
  },
});
const list = defineRoute({
  method: 'post',
  path: '/api/catalog/products/{id}/listing',
  tags,
  operationId: 'listProduct',
  policy: P.list,
  summary:
    'List (上架) a registered product whose certificate is in force (owner or admin of its organization)',
  request: { params: S.ProductIdParam },
  responses: {
    200: jsonResponse(S.ListingResponse, 'Listed'),
    ...errorResponses(401, 403, 404, 409),
  },
});
const delist = defineRoute({
  method: 'delete',
  path: '/api/catalog/products/{id}/listing',
  tags,
  operationId: 'delistProduct',
  policy: P.delist,
  summary: 'Delist (下架) a product: its organization’s owner or admin, or exchange staff with a reason',
  request: {
    params: S.ProductIdParam,
    body: { content: { 'application/json': { schema: S.DelistRequest } }, required: false },
  },
  responses: {
    200: jsonResponse(S.ListingResponse, 'Delisted'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

/** The catalog router. */
export function catalogRoutes(service: CatalogService, searcher: CatalogSearch) {
  return createRouter()
    .openapi(search, async (c) =>
      c.json(presentSearch(await searcher.search(c.get('principal'), c.req.valid('query'))), 200),
    )
    .openapi(product, async (c) => {
      // The stored document is the response: its JSON text goes out as is, with an ETag for 304s.
      const page = await service.productPage(c.get('principal'), c.req.valid('param').id);
      const headers = {
        etag: page.etag,
        // Participants-only pages must not sit in shared caches; any page is revalidated before reuse.
        'cache-control': page.visibility === 'public' ? 'public, no-cache' : 'private, no-cache',
      };
      if (etagMatches(c.req.header('if-none-match'), page.etag)) return c.body(null, 304, headers);
      return c.body(page.body, 200, { ...headers, 'content-type': 'application/json; charset=UTF-8' });
    })
    .openapi(list, async (c) =>
      c.json(
        await service.list(userOf(c.get('principal')), c.req.valid('param').id, c.get('requestId')),
        200,
      ),
    )
    .openapi(delist, async (c) => {
      const hasJson = c.req.header('content-type')?.includes('json') ?? false;
      const body = hasJson ? c.req.valid('json') : {};
      return c.json(
        await service.delist(
          userOf(c.get('principal')),
          c.req.valid('param').id,
          body.reason ?? null,
          c.get('requestId'),
        ),
        200,
      );
    });
}
