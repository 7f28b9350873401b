/**
 * W3C Bitstring Status List v1.0: a bitstring in which bit `i` tells whether the credential holding
 * index `i` is revoked (or suspended), published gzip-compressed and multibase-encoded as
 * `encodedList`. Pure JS (fflate, jose's base64url) so the browser can check statuses too.
 * https://www.w3.org/TR/vc-bitstring-status-list/
 */
import { gunzipSync, gzipSync } from 'fflate';
import { base64url } from 'jose';

/** The spec's minimum list size (16 KB): smaller lists would let the issuer single out holders. */
export const MIN_STATUS_LIST_BITS = 131_072;

/**
 * Largest list we agree to expand (128 Mbit = 16 MB). The gzip input is untrusted: a few kilobytes
 * can claim gigabytes, so the size is capped before inflating.
 */
export const MAX_STATUS_LIST_BITS = 134_217_728;

/** Why an `encodedList` could not be decoded. */
export class StatusListError extends Error {
  constructor(readonly code: 'multibase' | 'base64url' | 'gzip' | 'too_large' | 'empty') {
    super(`status list: ${code}`);
    this.name = 'StatusListError';
  }
}

/** A new all-zero status list of `bits` bits (rounded up to whole bytes, at least the spec minimum). */
export function createStatusList(bits = MIN_STATUS_LIST_BITS): Uint8Array {
  if (!Number.isSafeInteger(bits) || bits < MIN_STATUS_LIST_BITS || bits > MAX_STATUS_LIST_BITS)
    throw new RangeError(`status list size must be ${MIN_STATUS_LIST_BITS}..${MAX_STATUS_LIST_BITS} bits`);
  return new Uint8Array(Math.ceil(bits / 8));
}

/** Number of bits in `list`. */
export function statusListLength(list: Uint8Array): number {
  return list.length * 8;
}

function assertIndex(list: Uint8Array, index: number): void {
  if (!Number.isSafeInteger(index) || index < 0 || index >= list.length * 8)
    throw new RangeError(`status list index ${index} is outside 0..${list.length * 8 - 1}`);
}

/** The bit at `index`; index 0 is the most significant bit of the first byte (spec §3.1). */
export function getStatusBit(list: Uint8Array, index: number): boolean {
  assertIndex(list, index);
  return ((list[index >> 3] ?? 0) & (0x80 >> (index & 7))) !== 0;
}

/** Sets or clears the bit at `index` in place. */
export function setStatusBit(list: Uint8Array, index: number, value: boolean): void {
  assertIndex(list, index);
  const byte = index >> 3;
  const mask = 0x80 >> (index & 7);
  list[byte] = value ? (list[byte] ?? 0) | mask : (list[byte] ?? 0) & ~mask;
}

/** The `encodedList` value: `u` + base64url (no padding) of the gzip-compressed bitstring. */
export function encodeStatusList(list: Uint8Array): string {
  // mtime 0 keeps the encoding a pure function of the bits (same list → same credential bytes).
  return `u${base64url.encode(gzipSync(list, { mtime: 0 }))}`;
}

/** Expands an `encodedList` back to its bitstring; throws `StatusListError` on any malformed input. */
export function decodeStatusList(encoded: string): Uint8Array {
  if (!encoded.startsWith('u')) throw new StatusListError('multibase');
  const body = encoded.slice(1);
  if (!/^[A-Za-z0-9_-]*$/.test(body)) throw new StatusListError('base64url');
  let compressed: Uint8Array;
  try {
    compressed = base64url.decode(body);
  } catch {
    throw new StatusListError('base64url');
  }
  if (compressed.length < 18 || compressed[0] !== 0x1f || compressed[1] !== 0x8b)
    throw new StatusListError('gzip');
  // ISIZE (last 4 bytes, little-endian) announces the expanded size; inflate into exactly one byte
  // more, so a stream that lies about its size is caught instead of allocating without bound.
  const n = compressed.length;
  const size =
    ((compressed[n - 4] ?? 0) |
      ((compressed[n - 3] ?? 0) << 8) |
      ((compressed[n - 2] ?? 0) << 16) |
      ((compressed[n - 1] ?? 0) << 24)) >>>
    0;
  if (size === 0) throw new StatusListError('empty');
  if (size * 8 > MAX_STATUS_LIST_BITS) throw new StatusListError('too_large');
  let expanded: Uint8Array;
  try {
    expanded = gunzipSync(compressed, { out: new Uint8Array(size + 1) });
  } catch {
    throw new StatusListError('gzip');
  }
  if (expanded.length !== size) throw new StatusListError('gzip');
  return expanded;
}
