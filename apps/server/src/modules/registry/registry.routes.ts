/**
 * Registry routes: drafts of data resources (`/api/resources`) and data products (`/api/products`),
 * and the connectivity test of API products. Thin: validate → service → present.
 */
import { userOf } from '../../platform/http/principal.js';
import {
  createRouter,
  defineRoute,
  errorResponses,
  jsonBody,
  jsonResponse,
} from '../../platform/http/route.js';
import type { ConnectivityService } from './connectivity.service.js';
import { registryPolicies as P } from './registry.policy.js';
import { presentProduct, presentResource } from './registry.presenter.js';
import * as S from './registry.schemas.js';
import type { RegistryService } from './registry.service.js';

const resTags = ['data resources'];
const prdTags = ['data products'];

const createResource = defineRoute({
  method: 'post',
  path: '/api/resources',
  tags: resTags,
  operationId: 'createResource',
  policy: P.write,
  summary: 'Start a data resource draft (数据资源登记草稿) for a registered provider or merchant',
  request: jsonBody(S.CreateResourceRequest),
  responses: { 201: jsonResponse(S.ResourceResponse, 'Created'), ...errorResponses(400, 401, 403, 404) },
});
const listResources = defineRoute({
  method: 'get',
  path: '/api/resources',
  tags: resTags,
  operationId: 'listResources',
  policy: P.read,
  summary: 'The data resources of the caller’s organizations (all of them for exchange staff)',
  request: { query: S.SubjectListQuery },
  responses: { 200: jsonResponse(S.ResourceListResponse, 'A page'), ...errorResponses(400, 401) },
});
const getResource = defineRoute({
  method: 'get',
  path: '/api/resources/{id}',
  tags: resTags,
  operationId: 'getResource',
  policy: P.read,
  summary: 'One data resource (holder and staff: as saved; others: as registered)',
  request: { params: S.ResourceIdParam },
  responses: { 200: jsonResponse(S.ResourceResponse, 'The resource'), ...errorResponses(401, 404) },
});
const saveResource = defineRoute({
  method: 'put',
  path: '/api/resources/{id}',
  tags: resTags,
  operationId: 'saveResource',
  policy: P.write,
  summary: 'Save a data resource description (draft, or the proposal of a change when registered)',
  request: { params: S.ResourceIdParam, ...jsonBody(S.SaveResourceRequest) },
  responses: { 200: jsonResponse(S.ResourceResponse, 'Saved'), ...errorResponses(400, 401, 403, 404, 409) },
});
const deleteResource = defineRoute({
  method: 'delete',
  path: '/api/resources/{id}',
  tags: resTags,
  operationId: 'deleteResource',
  policy: P.write,
  summary: 'Delete a data resource draft never submitted',
  request: { params: S.ResourceIdParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404, 409) },
});

const createProduct = defineRoute({
  method: 'post',
  path: '/api/products',
  tags: prdTags,
  operationId: 'createProduct',
  policy: P.write,
  summary: 'Start a data product draft (数据产品登记草稿) in the unified product description',
  request: jsonBody(S.CreateProductRequest),
  responses: { 201: jsonResponse(S.ProductResponse, 'Created'), ...errorResponses(400, 401, 403, 404) },
});
const listProducts = defineRoute({
  method: 'get',
  path: '/api/products',
  tags: prdTags,
  operationId: 'listProducts',
  policy: P.read,
  summary: 'The data products of the caller’s organizations (all of them for exchange staff)',
  request: { query: S.SubjectListQuery },
  responses: { 200: jsonResponse(S.ProductListResponse, 'A page'), ...errorResponses(400, 401) },
});
const getProduct = defineRoute({
  method: 'get',
  path: '/api/products/{id}',
  tags: prdTags,
  operationId: 'getProduct',
  policy: P.read,
  summary: 'One data product (holder and staff: as saved; others: as registered)',
  request: { params: S.ProductIdParam },
  responses: { 200: jsonResponse(S.ProductResponse, 'The product'), ...errorResponses(401, 404) },
});
const saveProduct = defineRoute({
  method: 'put',
  path: '/api/products/{id}',
  tags: prdTags,
  operationId: 'saveProduct',
  policy: P.write,
  summary: 'Save a data product description (draft, or the proposal of a change when registered)',
  request: { params: S.ProductIdParam, ...jsonBody(S.SaveProductRequest) },
  responses: { 200: jsonResponse(S.ProductResponse, 'Saved'), ...errorResponses(400, 401, 403, 404, 409) },
});
const deleteProduct = defineRoute({
  method: 'delete',
  path: '/api/products/{id}',
  tags: prdTags,
  operationId: 'deleteProduct',
  policy: P.write,
  summary: 'Delete a data product draft never submitted',
  request: { params: S.ProductIdParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404, 409) },
});
const testConnectivity = defineRoute({
  method: 'post',
  path: '/api/products/{id}/connectivity-test',
  tags: prdTags,
  operationId: 'testProductConnectivity',
  policy: P.testConnectivity,
  summary: 'Run the online connectivity test against the saved API endpoint (5 s timeout)',
  request: { params: S.ProductIdParam },
  responses: {
    200: jsonResponse(S.ProductResponse, 'The product with the test result'),
    ...errorResponses(400, 401, 403, 404),
  },
});

/** The registry router. */
export function registryRoutes(registry: RegistryService, connectivity: ConnectivityService) {
  return createRouter()
    .openapi(createResource, async (c) => {
      const row = await registry.create(
        'resource',
        userOf(c.get('principal')),
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(presentResource(row, 'member'), 201);
    })
    .openapi(listResources, async (c) => {
      const page = await registry.list('resource', userOf(c.get('principal')), c.req.valid('query'));
      const items = page.rows.map((r) =>
        presentResource(r, page.memberOf.has(r.organizationId) ? 'member' : 'staff'),
      );
      return c.json({ items, nextCursor: page.nextCursor, total: page.total }, 200);
    })
    .openapi(getResource, async (c) => {
      const { row, access } = await registry.get('resource', c.get('principal'), c.req.valid('param').id);
      return c.json(presentResource(row, access), 200);
    })
    .openapi(saveResource, async (c) => {
      const row = await registry.save(
        'resource',
        userOf(c.get('principal')),
        c.req.valid('param').id,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(presentResource(row, 'member'), 200);
    })
    .openapi(deleteResource, async (c) => {
      await registry.remove(
        'resource',
        userOf(c.get('principal')),
        c.req.valid('param').id,
        c.get('requestId'),
      );
      return c.body(null, 204);
    })
    .openapi(createProduct, async (c) => {
      const row = await registry.create(
        'product',
        userOf(c.get('principal')),
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(presentProduct(row, 'member'), 201);
    })
    .openapi(listProducts, async (c) => {
      const page = await registry.list('product', userOf(c.get('principal')), c.req.valid('query'));
      const items = page.rows.map((r) =>
        presentProduct(r, page.memberOf.has(r.organizationId) ? 'member' : 'staff'),
      );
      return c.json({ items, nextCursor: page.nextCursor, total: page.total }, 200);
    })
    .openapi(getProduct, async (c) => {
      const { row, access } = await registry.get('product', c.get('principal'), c.req.valid('param').id);
      return c.json(presentProduct(row, access), 200);
    })
    .openapi(saveProduct, async (c) => {
      const row = await registry.save(
        'product',
        userOf(c.get('principal')),
        c.req.valid('param').id,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(presentProduct(row, 'member'), 200);
    })
    .openapi(deleteProduct, async (c) => {
      await registry.remove(
        'product',
        userOf(c.get('principal')),
        c.req.valid('param').id,
        c.get('requestId'),
      );
      return c.body(null, 204);
    })
    .openapi(testConnectivity, async (c) => {
      const row = await connectivity.test(
        userOf(c.get('principal')),
        c.req.valid('param').id,
        c.get('requestId'),
      );
      return c.json(presentProduct(row, 'member'), 200);
    });
}
