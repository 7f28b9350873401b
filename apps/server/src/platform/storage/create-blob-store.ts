/**
 * Chooses the node's blob store from its configuration: a directory (the default) or an
 * S3-compatible bucket with a local cache.
 */
import { join } from 'node:path';
import { parseStorageUrl, type StorageConfig } from '../../config/storage.config.js';
import { FileBlobStore, type BlobStore } from './blob-store.js';
import { S3BlobStore } from './s3-blob-store.js';

/**
 * The blob store `config` names: files under `<dataDir>/blobs` (or the `file:` path), or the S3
 * bucket with its cache under `<dataDir>/cache`. The configuration was validated at load, so a
 * problem here is a programming error.
 *
 * @example
 * const storage = createBlobStore(config.storage, resolve(config.database.SHULIU_DATA_DIR));
 */
export function createBlobStore(config: StorageConfig, dataDir: string): BlobStore {
  const parsed = parseStorageUrl(config.SHULIU_STORAGE_URL);
  if ('problem' in parsed) throw new Error(`SHULIU_STORAGE_URL ${parsed.problem}`);
  const { target } = parsed;
  switch (target.kind) {
    case 'file':
      return new FileBlobStore(target.root ?? join(dataDir, 'blobs'));
    case 's3': {
      const accessKeyId = config.SHULIU_S3_ACCESS_KEY_ID;
      const secretAccessKey = config.SHULIU_S3_SECRET_ACCESS_KEY;
      if (!accessKeyId || !secretAccessKey)
        throw new Error('SHULIU_S3_ACCESS_KEY_ID and SHULIU_S3_SECRET_ACCESS_KEY are required with s3://');
      return new S3BlobStore({
        bucket: target.bucket,
        prefix: target.prefix,
        ...(target.endpoint ? { endpoint: target.endpoint } : {}),
        region: target.region,
        forcePathStyle: target.forcePathStyle,
        accessKeyId,
        secretAccessKey,
        cacheDir: join(dataDir, 'cache'),
      });
    }
  }
}
