import { z } from 'zod';

/** The object store for attachments and files. */
export const StorageConfig = z.object({
  /** `file:` (default, under the data dir) or, in later releases, `s3://bucket?endpoint=…`. */
  SHULIU_STORAGE_URL: z
    .string()
    .regex(/^file:/, 'only file: storage is available in this release')
    .optional()
    .describe('Object store URL; default file: under <data dir>/blobs'),
});
export type StorageConfig = z.infer<typeof StorageConfig>;
