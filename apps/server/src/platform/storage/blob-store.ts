/**
 * Content-addressed object store: a blob's key is the SHA-256 of its bytes, so identical files are
 * stored once and any copy can be checked against its key. The filesystem store is the default;
 * an S3-compatible store implements the same interface.
 */
import { createReadStream, existsSync } from 'node:fs';
import { access, mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { hashToTempFile, isSha256Hex } from './hash-to-file.js';

export { BlobTooLargeError } from './hash-to-file.js';

/** A stored blob's identity. */
export interface StoredBlob {
  sha256: string;
  size: number;
}

/** Stores and reads blobs by content hash. */
export interface BlobStore {
  /** Stores the bytes and returns their hash and size; refuses more than `maxBytes`. */
  put(content: Readable | Uint8Array, options?: { maxBytes?: number }): Promise<StoredBlob>;
  /** Opens a stored blob for reading, or returns null when absent. */
  get(sha256: string): Promise<Readable | null>;
  /**
   * A local file holding the blob, for readers that need a path (DuckDB): the file store's own file,
   * or a verified copy in the node's cache for remote stores. Null when absent. Callers only read it.
   */
  localFile(sha256: string): Promise<string | null>;
  /**
   * Takes over a local file whose SHA-256 the caller has just computed (a finished upload): moved into
   * place where the store can, uploaded otherwise; the file is gone afterwards either way.
   */
  adoptFile(path: string, blob: StoredBlob): Promise<StoredBlob>;
  /** True when the store can be written (for the health check). */
  isWritable(): Promise<boolean>;
}

/** The filesystem store: `<root>/ab/cd/<sha256>`, written through a temp file and renamed into place. */
export class FileBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(content: Readable | Uint8Array, options: { maxBytes?: number } = {}): Promise<StoredBlob> {
    const {
      path: tmp,
      sha256,
      size,
    } = await hashToTempFile(content, join(this.root, 'tmp'), options.maxBytes);
    await this.moveIntoPlace(tmp, sha256);
    return { sha256, size };
  }

  async adoptFile(path: string, blob: StoredBlob): Promise<StoredBlob> {
    if (!isSha256Hex(blob.sha256)) throw new Error(`not a SHA-256: ${blob.sha256}`);
    try {
      await this.moveIntoPlace(path, blob.sha256);
    } catch (error) {
      // Another file system (EXDEV): copy through the store's own path, which hashes again.
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      const stored = await this.put(createReadStream(path));
      await rm(path, { force: true });
      return stored;
    }
    return blob;
  }

  /** Renames `file` to the blob's place, or drops it when the blob is already stored. */
  private async moveIntoPlace(file: string, sha256: string): Promise<void> {
    const target = this.pathOf(sha256);
    await mkdir(join(target, '..'), { recursive: true });
    if (existsSync(target)) await rm(file, { force: true });
    else await rename(file, target);
  }

  async get(sha256: string): Promise<Readable | null> {
    if (!isSha256Hex(sha256)) return null;
    const path = this.pathOf(sha256);
    try {
      await stat(path);
    } catch {
      return null;
    }
    return createReadStream(path);
  }

  localFile(sha256: string): Promise<string | null> {
    if (!isSha256Hex(sha256)) return Promise.resolve(null);
    const path = this.pathOf(sha256);
    return Promise.resolve(existsSync(path) ? path : null);
  }

  async isWritable(): Promise<boolean> {
    try {
      await access(this.root, 2);
      return true;
    } catch {
      // First use: the root may not exist yet.
      try {
        await mkdir(this.root, { recursive: true });
        return true;
      } catch {
        return false;
      }
    }
  }
}
