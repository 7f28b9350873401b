/**
 * Passwords: argon2id with the library's defaults (OWASP's minimum: 19 MiB, 2 passes), and the one
 * strength rule we enforce (length, not composition rules, per NIST SP 800-63B).
 */
import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id from the library's const enum (not importable under verbatimModuleSyntax).
const ARGON2ID = 2;

/** Minimum password length. */
export const MIN_PASSWORD_LENGTH = 10;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

/** True when `password` matches `passwordHash`. */
export async function isPasswordCorrect(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** True when a password is too weak to accept. */
export function isWeakPassword(password: string, email: string): boolean {
  return Array.from(password).length < MIN_PASSWORD_LENGTH || password.toLowerCase() === email.toLowerCase();
}

/** A fixed hash compared against when the email is unknown, so timing does not reveal which emails exist. */
export const DUMMY_PASSWORD_HASH = hashPassword('shuliu-dummy-password-for-timing');
