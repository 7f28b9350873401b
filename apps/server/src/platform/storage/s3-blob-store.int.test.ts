/**
 * The S3 blob store against a real S3 protocol server (s3rver on loopback), and a whole node that
 * stores its attachments through it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { crc32, deflateSync } from 'node:zlib';
import {
  DeleteObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpUser } from '../../test/factories.js';
import { startTestNode, type TestNode } from '../../test/test-node.js';
import { BlobTooLargeError } from './blob-store.js';
import { BlobIntegrityError, S3BlobStore, type S3BlobStoreOptions } from './s3-blob-store.js';

const BUCKET = 'shuliu';
const KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

let workDir: string;
let s3: S3rver;
let endpoint: string;
let client: S3Client;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'shuliu-s3-'));
  s3 = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: join(workDir, 's3rver'),
    configureBuckets: [{ name: BUCKET }],
  });
  const { port } = await s3.run();
  endpoint = `http://127.0.0.1:${port}`;
  client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: KEYS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
});

afterAll(async () => {
  client.destroy();
  await s3.close();
  await rm(workDir, { recursive: true, force: true });
});

/** A fresh key prefix, so each test sees only its own objects. */
const newPrefix = () => `t-${randomBytes(4).toString('hex')}/`;

/** A store on the test bucket under a prefix of its own, with a cache of its own. */
function newStore(options: Partial<S3BlobStoreOptions> = {}): S3BlobStore {
  return new S3BlobStore({
    bucket: BUCKET,
    prefix: newPrefix(),
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    ...KEYS,
    cacheDir: join(workDir, `cache-${randomBytes(4).toString('hex')}`),
    ...options,
  });
}

/** Keys of every object in the bucket under `prefix`. */
async function listKeys(prefix: string): Promise<string[]> {
  const listed = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
  return (listed.Contents ?? []).map((object) => object.Key ?? '');
}

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function readAll(stream: Readable | null): Promise<Buffer> {
  if (!stream) throw new Error('expected a stream, got null');
  return buffer(stream);
}

/** A port nothing listens on: bound once by us, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('S3BlobStore', () => {
  it('stores a multi-megabyte blob in parts and reads back the same bytes under their hash', async () => {
    const store = newStore();
    // 12 MiB: two parts of a multipart upload.
    const bytes = randomBytes(12 * 1_048_576);
    const stored = await store.put(Readable.from([bytes.subarray(0, 5_000_000), bytes.subarray(5_000_000)]));
    expect(stored).toEqual({ sha256: sha256Of(bytes), size: bytes.length });
    const read = await readAll(await store.get(stored.sha256));
    expect(sha256Of(read)).toBe(stored.sha256);
    expect(read.equals(bytes)).toBe(true);
    const key = store.keyOf(stored.sha256);
    expect(key).toMatch(
      new RegExp(
        `^t-[0-9a-f]{8}/blobs/${stored.sha256.slice(0, 2)}/${stored.sha256.slice(2, 4)}/${stored.sha256}$`,
      ),
    );
    const head = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(head.Metadata?.sha256).toBe(stored.sha256);
  });

  it('stores small and empty blobs in a single request', async () => {
    const store = newStore();
    const small = Buffer.from('营业执照扫描件');
    const stored = await store.put(small);
    expect((await readAll(await store.get(stored.sha256))).equals(small)).toBe(true);
    const empty = await store.put(new Uint8Array(0));
    expect(empty).toEqual({ sha256: sha256Of(new Uint8Array(0)), size: 0 });
    expect((await readAll(await store.get(empty.sha256))).length).toBe(0);
  });

  it('keeps one object for the same content stored twice', async () => {
    const prefix = newPrefix();
    const store = newStore({ prefix });
    const bytes = randomBytes(300_000);
    const first = await store.put(bytes);
    const second = await store.put(Readable.from([bytes]));
    expect(second).toEqual(first);
    expect(await listKeys(prefix)).toEqual([store.keyOf(first.sha256)]);
  });

  it('adopts a hashed local file (a finished upload): uploads it once and removes it', async () => {
    const prefix = newPrefix();
    const store = newStore({ prefix });
    const bytes = randomBytes(200_000);
    const blob = { sha256: sha256Of(bytes), size: bytes.length };
    const first = join(workDir, `adopt-${randomBytes(4).toString('hex')}`);
    await writeFile(first, bytes);
    expect(await store.adoptFile(first, blob)).toEqual(blob);
    expect(existsSync(first)).toBe(false);
    expect(await readAll(await store.get(blob.sha256))).toEqual(bytes);
    const again = join(workDir, `adopt-${randomBytes(4).toString('hex')}`);
    await writeFile(again, bytes);
    await store.adoptFile(again, blob);
    expect(existsSync(again)).toBe(false);
    expect(await listKeys(prefix)).toEqual([store.keyOf(blob.sha256)]);
  });

  it('refuses content over maxBytes, leaving no object and no temp file', async () => {
    const cacheDir = join(workDir, `cache-${randomBytes(4).toString('hex')}`);
    const prefix = newPrefix();
    const store = newStore({ prefix, cacheDir });
    await expect(
      store.put(Readable.from([randomBytes(64 * 1024)]), { maxBytes: 1000 }),
    ).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(await listKeys(prefix)).toEqual([]);
    expect(await readdir(join(cacheDir, 'tmp'))).toEqual([]);
  });

  it('removes its temp file after a successful upload too', async () => {
    const cacheDir = join(workDir, `cache-${randomBytes(4).toString('hex')}`);
    const store = newStore({ cacheDir });
    await store.put(randomBytes(1000));
    expect(await readdir(join(cacheDir, 'tmp'))).toEqual([]);
  });

  it('answers null for an absent hash and for anything that is not a hash', async () => {
    const store = newStore();
    expect(await store.get(sha256Of(randomBytes(16)))).toBeNull();
    expect(await store.get('../../etc/passwd')).toBeNull();
    expect(await store.get('A'.repeat(64))).toBeNull();
    expect(await store.localFile(sha256Of(randomBytes(16)))).toBeNull();
    expect(await store.localFile('not-a-hash')).toBeNull();
  });

  it('propagates errors other than not-found (a missing bucket)', async () => {
    const store = newStore({ bucket: 'no-such-bucket' });
    await expect(store.get(sha256Of(randomBytes(16)))).rejects.toMatchObject({ name: 'NoSuchBucket' });
    await expect(store.put(randomBytes(100))).rejects.toMatchObject({ name: 'NoSuchBucket' });
  });

  it('gives readers a local copy with the right bytes, and reuses it without downloading again', async () => {
    const cacheDir = join(workDir, `cache-${randomBytes(4).toString('hex')}`);
    const store = newStore({ cacheDir });
    const bytes = randomBytes(2 * 1_048_576);
    const { sha256 } = await store.put(bytes);
    const path = await store.localFile(sha256);
    expect(path).toBe(join(cacheDir, 'blobs', sha256.slice(0, 2), sha256.slice(2, 4), sha256));
    expect((await readFile(path ?? '')).equals(bytes)).toBe(true);
    // Once verified, the copy is trusted: with the object gone from the bucket it is still served.
    await client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: store.keyOf(sha256) }));
    expect(await store.get(sha256)).toBeNull();
    expect(await store.localFile(sha256)).toBe(path);
  });

  it('shares one download between concurrent readers of a blob', async () => {
    const store = newStore();
    const { sha256 } = await store.put(randomBytes(500_000));
    const paths = await Promise.all([
      store.localFile(sha256),
      store.localFile(sha256),
      store.localFile(sha256),
    ]);
    expect(new Set(paths).size).toBe(1);
    expect(sha256Of(await readFile(paths[0] ?? ''))).toBe(sha256);
  });

  it('refuses an object whose bytes do not match its key, keeping no local copy', async () => {
    const cacheDir = join(workDir, `cache-${randomBytes(4).toString('hex')}`);
    const store = newStore({ cacheDir });
    const claimed = sha256Of(Buffer.from('the original licence'));
    await client.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: store.keyOf(claimed),
        Body: Buffer.from('a tampered licence'),
      }),
    );
    await expect(store.localFile(claimed)).rejects.toBeInstanceOf(BlobIntegrityError);
    expect(existsSync(join(cacheDir, 'blobs', claimed.slice(0, 2), claimed.slice(2, 4), claimed))).toBe(
      false,
    );
    expect(await readdir(join(cacheDir, 'tmp'))).toEqual([]);
  });

  it('is writable when its bucket answers, and not when the bucket or the server is missing', async () => {
    expect(await newStore().isWritable()).toBe(true);
    expect(await newStore({ bucket: 'no-such-bucket' }).isWritable()).toBe(false);
    const port = await closedPort();
    expect(await newStore({ endpoint: `http://127.0.0.1:${port}` }).isWritable()).toBe(false);
  });
});

/** Big-endian 32-bit integer. */
const uint32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value >>> 0);
  return bytes;
};

/** One PNG chunk: length, type, data, CRC of type and data. */
function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([uint32(data.length), typed, uint32(crc32(typed))]);
}

/** A real 2×2 RGB PNG, built byte by byte. */
function tinyPng(): Buffer {
  const header = Buffer.concat([uint32(2), uint32(2), Buffer.from([8, 2, 0, 0, 0])]);
  // Each scanline: filter byte 0, then RGB per pixel.
  const pixels = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(pixels)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('a node configured with s3:// storage', () => {
  let node: TestNode;

  beforeAll(async () => {
    node = await startTestNode({
      env: {
        SHULIU_STORAGE_URL: `s3://${BUCKET}/node?endpoint=${endpoint}&region=us-east-1&forcePathStyle=true`,
        SHULIU_S3_ACCESS_KEY_ID: KEYS.accessKeyId,
        SHULIU_S3_SECRET_ACCESS_KEY: KEYS.secretAccessKey,
      },
    });
  });

  afterAll(async () => {
    await node.close();
  });

  it('stores an uploaded attachment in the bucket and serves it back', async () => {
    const user = await signUpUser(node);
    const png = tinyPng();
    const form = new FormData();
    form.set('file', new File([new Uint8Array(png)], '授权书.png', { type: 'image/png' }));
    form.set('purpose', 'authorization_letter');
    const uploaded = await user.request('/api/attachments', { method: 'POST', body: form });
    expect(uploaded.status).toBe(201);
    const attachment = (await uploaded.json()) as { id: string; sha256: string; contentType: string };
    expect(attachment.contentType).toBe('image/png');
    expect(attachment.sha256).toBe(sha256Of(png));

    const { sha256 } = attachment;
    expect(await listKeys('node/')).toContain(
      `node/blobs/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`,
    );
    expect(existsSync(join(node.platform.deps.config.database.SHULIU_DATA_DIR, 'blobs'))).toBe(false);

    const downloaded = await user.request(`/api/attachments/${attachment.id}`);
    expect(downloaded.status).toBe(200);
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(png)).toBe(true);
  });

  it('reports the bucket as healthy storage', async () => {
    const res = await node.request('/api/health');
    const body = (await res.json()) as { status: string; storage: { status: string } };
    expect(body.storage.status).toBe('up');
    expect(res.status).toBe(200);
  });
});
