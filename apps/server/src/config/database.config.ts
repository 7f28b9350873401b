import { z } from 'zod';

/** Where data lives. With no database URL the node starts its own embedded PostgreSQL under the data dir. */
export const DatabaseConfig = z.object({
  /** Root of everything the node writes locally: embedded database, blobs, keys. */
  SHULIU_DATA_DIR: z
    .string()
    .min(1)
    .default('./data')
    .describe('Directory for the embedded database, files and keys'),
  /** External PostgreSQL ≥ 15; when unset the embedded PostgreSQL is used. */
  SHULIU_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .describe('External PostgreSQL ≥15 URL; unset = embedded PostgreSQL under the data dir'),
  /** Port for the embedded PostgreSQL; 0 picks a free one. */
  SHULIU_EMBEDDED_PG_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(0)
    .describe('Embedded PostgreSQL port (0 = any free port)'),
  /** Connection pool size. */
  SHULIU_DB_POOL_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(10)
    .describe('Database connection pool size'),
});
export type DatabaseConfig = z.infer<typeof DatabaseConfig>;
