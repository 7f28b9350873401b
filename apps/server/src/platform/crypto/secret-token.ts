/**
 * High-entropy secrets handed to people or programs (session cookies, API tokens, reset links).
 * Only their SHA-256 is stored: with 256 random bits a fast hash is enough (argon2 is for passwords,
 * which people choose).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new secret `<prefix>_<43 base64url chars>` and its stored hash. */
export function newSecretToken(prefix: string): { token: string; hash: string } {
  const token = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashSecretToken(token) };
}

/** The stored form of a secret token. */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time string comparison (for CSRF tokens). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
