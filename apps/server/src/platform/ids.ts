/**
 * Identifiers: a type prefix and a UUIDv7 body (time-sortable), e.g. `org_01936f…`.
 */
import { randomBytes } from 'node:crypto';

/** Prefixes in use; one per entity type. */
export type IdPrefix =
  | 'usr'
  | 'org'
  | 'mem'
  | 'ses'
  | 'tok'
  | 'rst'
  | 'app'
  | 'par'
  | 'att'
  | 'cred'
  | 'evt'
  | 'stl'
  | 'res'
  | 'prd'
  | 'case'
  | 'obj'
  | 'crt'
  | 'dst'
  | 'dsv'
  | 'upl'
  | 'smp';

/** A new UUIDv7 as 32 hex characters (no dashes). */
export function uuidv7Hex(now = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  return bytes.toString('hex');
}

/** A new prefixed id, e.g. `newId('org')` → `org_0193…`. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${uuidv7Hex()}`;
}
