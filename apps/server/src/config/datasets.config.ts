import { z } from 'zod';

/** Uploads and the processing of datasets (DuckDB). */
export const DatasetsConfig = z.object({
  /** Memory DuckDB may use per processing job or query before spilling to disk. */
  SHULIU_DUCKDB_MEMORY_LIMIT: z
    .string()
    .regex(/^\d+(\.\d+)?\s*(MB|GB|MiB|GiB)$/i, 'a size such as 512MB or 1GB')
    .default('1GB')
    .describe('Memory limit of DuckDB per job or query (spills to disk beyond it)'),
  /** DuckDB worker threads per job or query. */
  SHULIU_DUCKDB_THREADS: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(2)
    .describe('DuckDB threads per job or query'),
  /** Incomplete uploads are discarded after this many hours without progress. */
  SHULIU_UPLOAD_EXPIRY_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .default(168)
    .describe('Hours after which an unfinished resumable upload is discarded'),
});
export type DatasetsConfig = z.infer<typeof DatasetsConfig>;
