import { gunzipSync as nodeGunzip, gzipSync as nodeGzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  createStatusList,
  decodeStatusList,
  encodeStatusList,
  getStatusBit,
  MIN_STATUS_LIST_BITS,
  setStatusBit,
  StatusListError,
  statusListLength,
} from './status-list.js';

const toBase64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

describe('Bitstring Status List', () => {
  it('creates an all-zero list of at least 131,072 bits (16 KB)', () => {
    const list = createStatusList();
    expect(list.length).toBe(16_384);
    expect(statusListLength(list)).toBe(MIN_STATUS_LIST_BITS);
    expect(list.every((b) => b === 0)).toBe(true);
    expect(() => createStatusList(1024)).toThrow(RangeError);
  });

  it('numbers bits from the most significant bit of the first byte', () => {
    const list = createStatusList();
    setStatusBit(list, 0, true);
    expect(list[0]).toBe(0x80);
    setStatusBit(list, 7, true);
    expect(list[0]).toBe(0x81);
    setStatusBit(list, 8, true);
    expect(list[1]).toBe(0x80);
    setStatusBit(list, 131_071, true);
    expect(list[16_383]).toBe(0x01);
    expect(getStatusBit(list, 7)).toBe(true);
    expect(getStatusBit(list, 6)).toBe(false);
    setStatusBit(list, 0, false);
    expect(list[0]).toBe(0x01);
    expect(() => getStatusBit(list, 131_072)).toThrow(RangeError);
    expect(() => setStatusBit(list, -1, true)).toThrow(RangeError);
  });

  it('round-trips through encodedList, and the encoding is multibase base64url of standard gzip', () => {
    const list = createStatusList();
    for (const i of [0, 1, 42, 94_567, 131_071]) setStatusBit(list, i, true);
    const encoded = encodeStatusList(list);
    expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/);
    expect(decodeStatusList(encoded)).toEqual(list);
    // Any other implementation's gunzip must read it.
    const viaZlib = nodeGunzip(Buffer.from(encoded.slice(1), 'base64url'));
    expect(new Uint8Array(viaZlib)).toEqual(list);
    expect(encodeStatusList(list)).toBe(encoded);
  });

  it('decodes the all-zero 16 KB list from the specification’s example', () => {
    const bits = decodeStatusList('uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA');
    expect(bits.length).toBe(16_384);
    expect(bits.every((b) => b === 0)).toBe(true);
  });

  it('decodes lists gzipped by other implementations (zlib, with a file name and time)', () => {
    const list = createStatusList();
    setStatusBit(list, 3, true);
    const bits = decodeStatusList(`u${toBase64url(nodeGzip(list, { level: 1 }))}`);
    expect(getStatusBit(bits, 3)).toBe(true);
    expect(getStatusBit(bits, 4)).toBe(false);
  });

  it('rejects malformed encodings with a code', () => {
    const valid = encodeStatusList(createStatusList());
    const codeOf = (encoded: string) => {
      try {
        decodeStatusList(encoded);
        return 'decoded';
      } catch (error) {
        return error instanceof StatusListError ? error.code : 'other';
      }
    };
    expect(codeOf(valid.slice(1))).toBe('multibase');
    expect(codeOf(`z${valid.slice(1)}`)).toBe('multibase');
    expect(codeOf('uAB+/=')).toBe('base64url');
    expect(codeOf(`u${toBase64url(new TextEncoder().encode('not gzip at all, not at all'))}`)).toBe('gzip');
    expect(codeOf(valid.slice(0, 20))).toBe('gzip');
    // A stream whose size trailer lies (claims 8 bytes, expands to 16 KB).
    const liar = nodeGzip(createStatusList());
    liar.writeUInt32LE(8, liar.length - 4);
    expect(codeOf(`u${toBase64url(liar)}`)).toBe('gzip');
    const huge = nodeGzip(new Uint8Array(16));
    huge.writeUInt32LE(0xffff_ffff, huge.length - 4);
    expect(codeOf(`u${toBase64url(huge)}`)).toBe('too_large');
  });
});
