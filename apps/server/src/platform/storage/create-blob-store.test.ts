/** Choosing the blob store from the configuration. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/index.js';
import { FileBlobStore } from './blob-store.js';
import { createBlobStore } from './create-blob-store.js';
import { S3BlobStore } from './s3-blob-store.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'shuliu-store-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('createBlobStore', () => {
  it('keeps blobs under <data dir>/blobs by default', async () => {
    const store = createBlobStore(loadConfig({}).storage, dataDir);
    expect(store).toBeInstanceOf(FileBlobStore);
    const { sha256 } = await store.put(Buffer.from('营业执照'));
    expect(await store.localFile(sha256)).toBe(
      join(dataDir, 'blobs', sha256.slice(0, 2), sha256.slice(2, 4), sha256),
    );
  });

  it('keeps blobs in the directory a file: URL names', async () => {
    const root = join(dataDir, 'elsewhere');
    const store = createBlobStore(loadConfig({ SHULIU_STORAGE_URL: `file://${root}` }).storage, dataDir);
    const { sha256 } = await store.put(Buffer.from('授权书'));
    expect(await store.localFile(sha256)).toBe(join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256));
  });

  it('uses the bucket and prefix of an s3:// URL', () => {
    const config = loadConfig({
      SHULIU_STORAGE_URL: 's3://shuliu/node-a?endpoint=http://127.0.0.1:9000&forcePathStyle=true',
      SHULIU_S3_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      SHULIU_S3_SECRET_ACCESS_KEY: 'secret',
    });
    const store = createBlobStore(config.storage, dataDir);
    if (!(store instanceof S3BlobStore))
      throw new Error(`expected an S3BlobStore, got ${store.constructor.name}`);
    const sha256 = 'ab'.repeat(32);
    expect(store.keyOf(sha256)).toBe(`node-a/blobs/ab/ab/${sha256}`);
  });
});
