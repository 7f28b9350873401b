/**
 * The event chain's hash: `hash = SHA-256(prev_hash ‖ JCS(event))` where prev_hash is the previous
 * event's hash as 32 raw bytes (all zero for the first event) and JCS is RFC 8785 canonical JSON.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** The chain's starting point. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an event that the hash covers. */
export interface HashedEvent {
  seq: number;
  id: string;
  type: string;
  actorId: string | null;
  organizationId: string | null;
  subjectType: string;
  subjectId: string;
  payload: Record<string, unknown>;
  requestId: string | null;
  occurredAt: string;
}

/** Canonical JSON (RFC 8785) of a value. */
export function toCanonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value cannot be canonicalized');
  return text;
}

/** The hash of `event` chained after `prevHash` (hex). */
export function hashEvent(prevHash: string, event: HashedEvent): string {
  return createHash('sha256')
    .update(Buffer.from(prevHash, 'hex'))
    .update(toCanonicalJson(event), 'utf8')
    .digest('hex');
}
