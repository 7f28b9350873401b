/**
 * The S3-compatible blob store (AWS S3, MinIO, Aliyun OSS, Tencent COS…): objects at
 * `<prefix>blobs/ab/cd/<sha256>`. Uploads are spooled to a local temp file first, because the key is
 * the hash and the hash is only known after the last byte; readers that need a path get a copy in
 * the node's cache that was checked against its hash while it downloaded.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { BlobStore, StoredBlob } from './blob-store.js';
import { hashToTempFile, isSha256Hex, newTempPath, type HashedTempFile } from './hash-to-file.js';

/** Where the bucket is and how to reach it. */
export interface S3BlobStoreOptions {
  bucket: string;
  /** Prepended to every key: empty, or ending in `/`. */
  prefix?: string;
  /** Service URL of an S3-compatible store; unset means AWS. */
  endpoint?: string;
  region: string;
  /** Bucket in the path rather than the host name (most self-hosted stores need this). */
  forcePathStyle?: boolean;
  accessKeyId: string;
  secretAccessKey: string;
  /** Local directory: `tmp/` spools uploads and downloads, `blobs/` keeps verified copies. */
  cacheDir: string;
}

/** Thrown when the bytes in the bucket do not hash to their key: the object was altered or damaged. */
export class BlobIntegrityError extends Error {
  constructor(
    readonly sha256: string,
    readonly actual: string,
  ) {
    super(`stored object for ${sha256} hashes to ${actual}`);
    this.name = 'BlobIntegrityError';
  }
}

/** Parts of a multipart upload; a body of at most one part goes up in a single PUT. */
const PART_SIZE = 8 * 1_048_576;
/** Parts in flight at once: 16 MiB of buffers per upload. */
const QUEUE_SIZE = 2;
/** The health check must answer quickly even when the store hangs. */
const HEALTH_TIMEOUT_MS = 5_000;

/** Blobs in an S3-compatible bucket, with a verified local cache for readers that need a file. */
export class S3BlobStore implements BlobStore {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;
  private readonly cacheDir: string;
  /** Downloads in progress, so concurrent readers of one blob share one download. */
  private readonly downloads = new Map<string, Promise<string | null>>();

  constructor(options: S3BlobStoreOptions) {
    this.bucket = options.bucket;
    this.prefix = options.prefix ?? '';
    this.cacheDir = options.cacheDir;
    this.client = new S3Client({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      forcePathStyle: options.forcePathStyle ?? false,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      // Recent SDK versions add CRC32 checksums to every upload by default, for streams as
      // `aws-chunked` bodies with trailers, which many S3-compatible stores (older MinIO, Ceph,
      // some cloud vendors' S3 layers, s3rver) do not understand. We send checksums only where the
      // API requires them; integrity is ours to check anyway: the key is the SHA-256.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
      // Fail fast on an unreachable store. A transfer may be slow but not silent: a minute without a
      // byte either way (a stalled store, or a reader of `get` that stopped reading) ends it.
      requestHandler: { connectionTimeout: 5_000, socketTimeout: 60_000 },
    });
  }

  /** The object key of a blob. */
  keyOf(sha256: string): string {
    return `${this.prefix}blobs/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  }

  async put(content: Readable | Uint8Array, options: { maxBytes?: number } = {}): Promise<StoredBlob> {
    const spooled = await hashToTempFile(content, join(this.cacheDir, 'tmp'), options.maxBytes);
    try {
      if (!(await this.exists(spooled.sha256))) await this.upload(spooled);
    } finally {
      await rm(spooled.path, { force: true });
    }
    return { sha256: spooled.sha256, size: spooled.size };
  }

  async adoptFile(path: string, blob: StoredBlob): Promise<StoredBlob> {
    try {
      if (!(await this.exists(blob.sha256))) await this.upload({ path, ...blob });
    } finally {
      await rm(path, { force: true });
    }
    return blob;
  }

  async get(sha256: string): Promise<Readable | null> {
    if (!isSha256Hex(sha256)) return null;
    try {
      const response = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }),
      );
      if (!(response.Body instanceof Readable)) throw new Error(`no readable body for ${sha256}`);
      return response.Body;
    } catch (error) {
      if (error instanceof NoSuchKey) return null;
      throw error;
    }
  }

  /**
   * A verified copy under `<cacheDir>/blobs/ab/cd/<sha256>`. The bytes are hashed while they download
   * and the copy is only moved into place when they match; a copy already in place is trusted without
   * hashing it again (the node wrote it after checking it, and re-hashing gigabytes on every read
   * would defeat the cache). A mismatch throws `BlobIntegrityError` and leaves no copy.
   */
  async localFile(sha256: string): Promise<string | null> {
    if (!isSha256Hex(sha256)) return null;
    const path = join(this.cacheDir, 'blobs', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    if (existsSync(path)) return path;
    const running = this.downloads.get(sha256);
    if (running) return running;
    const download = this.download(sha256, path).finally(() => this.downloads.delete(sha256));
    this.downloads.set(sha256, download);
    return download;
  }

  async isWritable(): Promise<boolean> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }), {
        abortSignal: AbortSignal.timeout(HEALTH_TIMEOUT_MS),
      });
      return true;
    } catch {
      return false;
    }
  }

  private async exists(sha256: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }));
      return true;
    } catch (error) {
      // A HEAD response has no body, so a missing key and a missing bucket look alike here; a
      // missing bucket then fails the upload with its own error.
      if (error instanceof NotFound) return false;
      throw error;
    }
  }

  private async upload({ path, sha256, size }: HashedTempFile): Promise<void> {
    const body = createReadStream(path);
    const upload = new Upload({
      client: this.client,
      params: {
        Bucket: this.bucket,
        Key: this.keyOf(sha256),
        Body: body,
        ContentType: 'application/octet-stream',
        Metadata: { sha256 },
        // A single PUT can carry the whole object's SHA-256 for the store to check. Multipart parts
        // each get these params, so a whole-object checksum there would be refused part by part.
        ...(size <= PART_SIZE ? { ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64') } : {}),
      },
      partSize: PART_SIZE,
      queueSize: QUEUE_SIZE,
    });
    try {
      await upload.done();
    } finally {
      // A failed upload may stop reading midway; close the file rather than wait for the collector.
      body.destroy();
    }
  }

  private async download(sha256: string, path: string): Promise<string | null> {
    const body = await this.get(sha256);
    if (!body) return null;
    const tmp = await newTempPath(join(this.cacheDir, 'tmp'));
    const hash = createHash('sha256');
    const hashing = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(body, hashing, createWriteStream(tmp));
      const actual = hash.digest('hex');
      if (actual !== sha256) throw new BlobIntegrityError(sha256, actual);
      await mkdir(dirname(path), { recursive: true });
      await rename(tmp, path);
      return path;
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  }
}
