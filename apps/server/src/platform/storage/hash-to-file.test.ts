/** Spooling content to a temp file: the hash, the size, the limit, and no leftovers on failure. */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobTooLargeError, hashToTempFile, isSha256Hex } from './hash-to-file.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shuliu-hash-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hashToTempFile', () => {
  it('writes the bytes of a stream and reports their SHA-256 and size', async () => {
    const bytes = randomBytes(200_000);
    const spooled = await hashToTempFile(
      Readable.from([bytes.subarray(0, 70_000), bytes.subarray(70_000)]),
      dir,
    );
    expect(spooled.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(spooled.size).toBe(bytes.length);
    expect((await readFile(spooled.path)).equals(bytes)).toBe(true);
  });

  it('accepts content of exactly maxBytes', async () => {
    const spooled = await hashToTempFile(new Uint8Array(1000), dir, 1000);
    expect(spooled.size).toBe(1000);
  });

  it('refuses one byte more than maxBytes and removes its temp file', async () => {
    await expect(
      hashToTempFile(Readable.from([randomBytes(600), randomBytes(401)]), dir, 1000),
    ).rejects.toEqual(new BlobTooLargeError(1000));
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('isSha256Hex', () => {
  it('accepts 64 lowercase hex digits only', () => {
    expect(isSha256Hex('a'.repeat(64))).toBe(true);
    expect(isSha256Hex('A'.repeat(64))).toBe(false);
    expect(isSha256Hex('a'.repeat(63))).toBe(false);
    expect(isSha256Hex(`../${'a'.repeat(61)}`)).toBe(false);
  });
});
