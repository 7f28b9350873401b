import { describe, expect, it } from 'vitest';
import { parseUploadResult, sha256OfFile, uploadFingerprint } from './tus-upload';

describe('sha256OfFile', () => {
  it('hashes the file content', async () => {
    expect(await sha256OfFile(new Blob(['abc']))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('skips files over 200 MB', async () => {
    const big = { size: 200 * 1024 * 1024 + 1 } as Blob;
    expect(await sha256OfFile(big)).toBeUndefined();
  });
});

describe('uploadFingerprint', () => {
  it('differs by dataset, so a file goes to a new upload for another dataset', () => {
    const file = { name: 'a.csv', size: 10, type: 'text/csv', lastModified: 1 };
    expect(uploadFingerprint(file, 'dst_1')).not.toBe(uploadFingerprint(file, 'dst_2'));
    expect(uploadFingerprint(file, 'dst_1')).toBe(uploadFingerprint({ ...file }, 'dst_1'));
  });
});

describe('parseUploadResult', () => {
  it('reads the version the server created from the final answer', () => {
    const body = JSON.stringify({
      uploadId: 'upl_1',
      sha256: 'ab',
      size: 10,
      datasetId: 'dst_1',
      versionId: 'dsv_1',
      versionNumber: 2,
    });
    expect(parseUploadResult(body)).toMatchObject({ uploadId: 'upl_1', versionNumber: 2 });
  });

  it('answers null for anything else', () => {
    expect(parseUploadResult('')).toBeNull();
    expect(parseUploadResult('ok')).toBeNull();
    expect(parseUploadResult('{"size":1}')).toBeNull();
  });
});
