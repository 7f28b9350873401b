/**
 * Spooling content to a temp file while hashing and metering it: a content-addressed store only
 * learns a blob's key after reading every byte, so every store writes through here first.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Thrown by `put` when content exceeds `maxBytes`. */
export class BlobTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`blob exceeds ${limit} bytes`);
  }
}

/** Content written to a temp file, with its hash and size. */
export interface HashedTempFile {
  /** The temp file; the caller moves or removes it. */
  path: string;
  /** SHA-256 of the bytes, lowercase hex. */
  sha256: string;
  size: number;
}

/** A fresh, unused file name inside `dir` (the directory is created). */
export async function newTempPath(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  return join(dir, randomBytes(12).toString('hex'));
}

/**
 * Writes `content` to a new file in `tmpDir`, hashing and counting the bytes on the way. More than
 * `maxBytes` fails with `BlobTooLargeError`; on any failure the temp file is removed.
 *
 * @example
 * const { path, sha256, size } = await hashToTempFile(upload, join(root, 'tmp'), 20 * 1_048_576);
 */
export async function hashToTempFile(
  content: Readable | Uint8Array,
  tmpDir: string,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<HashedTempFile> {
  const path = await newTempPath(tmpDir);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new BlobTooLargeError(maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const source = content instanceof Readable ? content : Readable.from([Buffer.from(content)]);
  try {
    await pipeline(source, meter, createWriteStream(path));
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  return { path, sha256: hash.digest('hex'), size };
}

/** True when `value` has the shape of a blob key: 64 lowercase hex digits. */
export const isSha256Hex = (value: string): boolean => /^[0-9a-f]{64}$/.test(value);
