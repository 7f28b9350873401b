import { sql } from 'drizzle-orm';
import { defineRoute, createRouter } from '../../platform/http/route.js';
import { publicPolicy } from '../../platform/http/policy.js';
import type { PlatformDeps } from '../../platform/deps.js';
import { HealthResponse } from './system.schemas.js';

const VERSION = '0.1.0';

const getHealth = defineRoute({
  method: 'get',
  path: '/api/health',
  tags: ['system'],
  operationId: 'getHealth',
  summary: 'Health of the node: database, storage and job queue',
  policy: publicPolicy('system.health.read'),
  responses: {
    200: { description: 'All dependencies up', content: { 'application/json': { schema: HealthResponse } } },
    503: { description: 'A dependency is down', content: { 'application/json': { schema: HealthResponse } } },
  },
});

/** System routes: health. */
export function systemRoutes(deps: PlatformDeps) {
  return createRouter().openapi(getHealth, async (c) => {
    const [databaseUp, storageUp, jobsUp] = await Promise.all([
      deps.database.db.execute(sql`SELECT 1`).then(
        () => true,
        () => false,
      ),
      deps.storage.isWritable(),
      deps.jobs.isHealthy(),
    ]);
    const up = (ok: boolean) => (ok ? ('up' as const) : ('down' as const));
    const body = {
      status: databaseUp && storageUp && jobsUp ? ('ok' as const) : ('degraded' as const),
      version: VERSION,
      node: deps.config.node.SHULIU_NODE_NAME,
      did: deps.nodeKey.did,
      database: { status: up(databaseUp), detail: deps.database.isEmbedded ? 'embedded' : 'external' },
      storage: {
        status: up(storageUp),
        detail: deps.config.storage.SHULIU_STORAGE_URL?.startsWith('s3:') ? 's3' : 'file',
      },
      jobs: { status: up(jobsUp), detail: 'pg-boss' },
    };
    return body.status === 'ok' ? c.json(body, 200) : c.json(body, 503);
  });
}
