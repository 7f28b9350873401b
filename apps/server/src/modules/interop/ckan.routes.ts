/**
 * CKAN-compatible read actions under `/api/3/action/`, answering CKAN's envelope
 * `{help, success, result}` and, on failure, `{help, success:false, error:{__type, message, …}}` with
 * CKAN's statuses (409 validation, 404 not found) — not the platform's error shape, because CKAN
 * clients parse exactly this. Parameters are read leniently and checked by the service.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/app-env.js';
import { createRouter, defineRoute } from '../../platform/http/route.js';
import { CkanError, CKAN_ROWS_MAX, type CkanService } from './ckan.service.js';
import { interopPolicies } from './interop.policy.js';

const CkanErrorBody = z
  .object({
    help: z.string().describe('URL of the action’s help'),
    success: z.literal(false),
    error: z
      .object({
        __type: z.enum(['Validation Error', 'Not Found Error']).describe('CKAN error type'),
        message: z.string().describe('What was wrong'),
      })
      .catchall(z.array(z.string()))
      .describe('Validation errors also list messages per parameter, as CKAN does'),
  })
  .openapi('CkanError');

/* Typed as a plain string so handlers may answer CKAN's envelopes with any status (see `run`). */
const JSON_TYPE: string = 'application/json';

const envelope = (result: z.ZodType, description: string) => ({
  description,
  content: {
    [JSON_TYPE]: {
      schema: z.object({
        help: z.string().describe('URL of the action’s help'),
        success: z.literal(true),
        result,
      }),
    },
  },
});

const ckanErrors = {
  404: { description: 'Not Found Error', content: { [JSON_TYPE]: { schema: CkanErrorBody } } },
  409: { description: 'Validation Error', content: { [JSON_TYPE]: { schema: CkanErrorBody } } },
};

const CkanPackage = z
  .record(z.string(), z.unknown())
  .describe(
    'CKAN package dict: id, name, title, notes, metadata_created/modified, organization {id,name,title}, tags [{name}], resources [{id,url,format,name}], extras (certificate_number, grade, form, …)',
  )
  .openapi('CkanPackage');

const action = <Q extends z.ZodObject>(
  name: string,
  summary: string,
  query: Q,
  result: z.ZodType,
  errors: (404 | 409)[],
) =>
  defineRoute({
    method: 'get',
    path: `/api/3/action/${name}`,
    tags: ['interop'],
    operationId: `ckan${name.replace(/(^|_)(\w)/g, (_, __: string, ch: string) => ch.toUpperCase())}`,
    summary,
    policy: interopPolicies.readCkan,
    request: { query },
    responses: {
      200: envelope(result, 'Success'),
      ...Object.fromEntries(errors.map((s) => [s, ckanErrors[s]])),
    },
  });

const packageSearch = action(
  'package_search',
  'CKAN package_search over the public catalog',
  z.object({
    q: z.string().optional().describe('Free text matched in title, description and provider; `*:*` for all'),
    fq: z
      .string()
      .optional()
      .describe(
        'Filters: `organization:<id>`, `tags:<tag>` (repeatable), `metadata_modified:[<ISO date> TO *]`, `dataset_type:dataset`',
      ),
    rows: z
      .string()
      .optional()
      .describe(`Results per page, default 10, capped at ${CKAN_ROWS_MAX} like CKAN`),
    start: z.string().optional().describe('Offset of the first result'),
    sort: z
      .string()
      .optional()
      .describe('`metadata_modified desc` (default with score) or `metadata_modified asc`'),
  }),
  z.object({
    count: z.number().int().describe('Number of matching packages'),
    sort: z.string(),
    facets: z.record(z.string(), z.unknown()),
    search_facets: z.record(z.string(), z.unknown()),
    results: z.array(CkanPackage),
  }),
  [409],
);

const packageShow = action(
  'package_show',
  'CKAN package_show of one listed, public product',
  z.object({ id: z.string().optional().describe('Package id or name (the product id `prd_…`)') }),
  CkanPackage,
  [404, 409],
);

const organizationList = action(
  'organization_list',
  'CKAN organization_list: providers with public listed products',
  z.object({
    all_fields: z
      .string()
      .optional()
      .describe('`true` for organization dicts with package_count, else names'),
  }),
  z.union([z.array(z.string()), z.array(z.record(z.string(), z.unknown()))]),
  [409],
);

const statusShow = action(
  'status_show',
  'CKAN status_show: site title, URL and the emulated CKAN API version',
  z.object({}),
  z.record(z.string(), z.unknown()),
  [],
);

/** Runs `act` and wraps its result or CkanError in CKAN's envelope. */
async function run(c: Context<AppEnv>, name: string, act: () => Promise<unknown>) {
  const help = `${new URL(c.req.url).origin}/api/3/action/help_show?name=${name}`;
  try {
    return c.json({ help, success: true as const, result: await act() }, 200);
  } catch (error) {
    if (!(error instanceof CkanError)) throw error;
    return c.json(
      {
        help,
        success: false as const,
        error: { __type: error.type, message: error.message, ...error.fields },
      },
      error.status,
    );
  }
}

/** The CKAN-compatible routes. */
export function ckanRoutes(ckan: CkanService) {
  return createRouter()
    .openapi(packageSearch, (c) => run(c, 'package_search', () => ckan.packageSearch(c.req.valid('query'))))
    .openapi(packageShow, (c) => run(c, 'package_show', () => ckan.packageShow(c.req.valid('query').id)))
    .openapi(organizationList, (c) =>
      run(c, 'organization_list', () => ckan.organizationList(c.req.valid('query').all_fields)),
    )
    .openapi(statusShow, (c) => run(c, 'status_show', () => Promise.resolve(ckan.statusShow())));
}
