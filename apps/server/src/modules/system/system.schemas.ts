import { z } from '@hono/zod-openapi';

/** State of one dependency. */
const DependencyStatus = z.object({
  /** `up` when the dependency answered. */
  status: z.enum(['up', 'down']).describe('`up` when the dependency answered'),
  /** Extra facts, e.g. whether the database is embedded. */
  detail: z.string().optional().describe('Extra facts, e.g. `embedded` or `external`'),
});

/** Health of the node and what it depends on. */
export const HealthResponse = z
  .object({
    status: z.enum(['ok', 'degraded']).describe('`ok` when every dependency is up'),
    version: z.string().describe('Node software version'),
    node: z.string().describe('Node name'),
    did: z.string().describe('did:web identifier of the node'),
    database: DependencyStatus.describe('PostgreSQL'),
    storage: DependencyStatus.describe('Object store'),
    jobs: DependencyStatus.describe('Durable job queue (pg-boss)'),
  })
  .openapi('Health');
