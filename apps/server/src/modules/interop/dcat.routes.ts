/**
 * DCAT-AP 3 routes, outside /api like `/.well-known/did.json` because harvesters expect them at
 * well-known, format-suffixed paths: `/catalog.ttl`, `/catalog.jsonld`, `/dataset/{id}.ttl|.jsonld`.
 * Errors keep the JSON error shape with stable codes.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/app-env.js';
import { notFound } from '../../platform/http/errors.js';
import { createRouter, defineRoute, errorResponses } from '../../platform/http/route.js';
import type { GraphBuilder } from './dcat.graph.js';
import { MAX_LIMIT } from './dcat.paging.js';
import { JSON_LD_MEDIA_TYPE, toJsonLd, toTurtle, TURTLE_MEDIA_TYPE } from './dcat.serialize.js';
import type { DcatService } from './dcat.service.js';
import { interopPolicies } from './interop.policy.js';

const CatalogQuery = z.object({
  cursor: z
    .string()
    .optional()
    .describe('Opaque position from the previous page’s `hydra:next` link (harvesting, the default)'),
  page: z.string().optional().describe('Page number from 1 (instead of `cursor`), for up to 100,000 entries'),
  limit: z.string().optional().describe(`Entries per page, 1–${MAX_LIMIT} (default 100)`),
  modified_since: z
    .string()
    .optional()
    .describe('Only entries modified at or after this ISO 8601 date or date-time (incremental harvest)'),
});

const DatasetParams = z.object({
  file: z
    .string()
    .max(200)
    .openapi({ param: { name: 'file', in: 'path' }, example: 'prd_0193c5e2a4f07a3b9c1d2e3f40516273.ttl' })
    .describe(
      '`{id}.ttl` or `{id}.jsonld`, where id is a product (`prd_…`) or registered resource (`res_…`)',
    ),
});

/*
 * Media types typed as plain strings: the handlers answer serialized RDF as raw bodies, which the
 * route types would otherwise force through `c.json`.
 */
const turtleType: string = 'text/turtle';
const jsonLdType: string = JSON_LD_MEDIA_TYPE;
const turtleContent = { [turtleType]: { schema: z.string().describe('DCAT-AP 3 in Turtle') } };
const jsonLdContent = {
  [jsonLdType]: {
    schema: z.record(z.string(), z.unknown()).describe('DCAT-AP 3 in JSON-LD with an inline @context'),
  },
};

const catalogRoute = (ext: 'ttl' | 'jsonld') =>
  defineRoute({
    method: 'get',
    path: `/catalog.${ext}`,
    tags: ['interop'],
    operationId: ext === 'ttl' ? 'getDcatCatalogTurtle' : 'getDcatCatalogJsonLd',
    summary: `The public catalog as a DCAT-AP 3 dcat:Catalog (${ext === 'ttl' ? 'Turtle' : 'JSON-LD'}), paged`,
    description:
      'Listed products visible to the public, oldest modification first, with a Hydra `hydra:PartialCollectionView` giving `hydra:first` and `hydra:next`. Harvest incrementally with `modified_since` and follow `hydra:next` until it is absent.',
    policy: interopPolicies.readDcat,
    request: { query: CatalogQuery },
    responses: {
      200: { description: 'One page of the catalog', content: ext === 'ttl' ? turtleContent : jsonLdContent },
      ...errorResponses(400),
    },
  });

const datasetRoute = defineRoute({
  method: 'get',
  path: '/dataset/{file}',
  tags: ['interop'],
  operationId: 'getDcatDataset',
  summary: 'One product or registered resource as a DCAT-AP 3 dcat:Dataset (Turtle or JSON-LD by suffix)',
  description:
    'The suffix picks the format: `.ttl` answers `text/turtle`, `.jsonld` answers `application/ld+json`. Products must be listed and public; resources must be registered and not closed (`not_open`).',
  policy: interopPolicies.readDcat,
  request: { params: DatasetParams },
  responses: {
    200: { description: 'The dataset', content: { ...turtleContent, ...jsonLdContent } },
    ...errorResponses(404),
  },
});

const HEADERS = {
  // Harvesters and other portals read these from anywhere; they hold public data only.
  'access-control-allow-origin': '*',
  'cache-control': 'public, max-age=60',
};

async function respond(c: Context<AppEnv>, graph: GraphBuilder, ext: 'ttl' | 'jsonld') {
  if (ext === 'ttl')
    return c.body(await toTurtle(graph.store), 200, { ...HEADERS, 'content-type': TURTLE_MEDIA_TYPE });
  return c.body(JSON.stringify(await toJsonLd(graph.store)), 200, {
    ...HEADERS,
    'content-type': JSON_LD_MEDIA_TYPE,
  });
}

/** The DCAT routes. */
export function dcatRoutes(dcat: DcatService) {
  return createRouter()
    .openapi(catalogRoute('ttl'), async (c) =>
      respond(c, await dcat.catalogPage(c.req.valid('query'), 'ttl'), 'ttl'),
    )
    .openapi(catalogRoute('jsonld'), async (c) =>
      respond(c, await dcat.catalogPage(c.req.valid('query'), 'jsonld'), 'jsonld'),
    )
    .openapi(datasetRoute, async (c) => {
      const { file } = c.req.valid('param');
      const match = /^(.+)\.(ttl|jsonld)$/.exec(file);
      const [, id = '', ext] = match ?? [];
      if (ext !== 'ttl' && ext !== 'jsonld') throw notFound('interop.dataset.not_found', { id: file });
      return respond(c, await dcat.dataset(id), ext);
    });
}
