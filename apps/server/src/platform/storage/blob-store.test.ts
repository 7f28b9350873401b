import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileBlobStore } from './blob-store.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shuliu-blobs-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('FileBlobStore.adoptFile', () => {
  it('moves a hashed file into its content address, and drops a duplicate', async () => {
    const store = new FileBlobStore(join(dir, 'blobs'));
    const bytes = randomBytes(100_000);
    const blob = { sha256: sha256Of(bytes), size: bytes.length };
    const staged = join(dir, 'staged-1');
    await writeFile(staged, bytes);
    expect(await store.adoptFile(staged, blob)).toEqual(blob);
    expect(existsSync(staged)).toBe(false);
    const path = await store.localFile(blob.sha256);
    expect(path).toBe(join(dir, 'blobs', blob.sha256.slice(0, 2), blob.sha256.slice(2, 4), blob.sha256));
    expect(await readFile(path ?? '')).toEqual(bytes);

    const again = join(dir, 'staged-2');
    await writeFile(again, bytes);
    await store.adoptFile(again, blob);
    expect(existsSync(again)).toBe(false);
    expect(await readFile(path ?? '')).toEqual(bytes);
  });

  it('refuses something that is not a SHA-256', async () => {
    const store = new FileBlobStore(join(dir, 'blobs'));
    const staged = join(dir, 'staged-3');
    await writeFile(staged, 'x');
    await expect(store.adoptFile(staged, { sha256: '../../etc/passwd', size: 1 })).rejects.toThrow(/SHA-256/);
    expect(existsSync(staged)).toBe(true);
  });
});
