import { z } from 'zod';

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Sessions, sign-in protection and demo data. */
export const SecurityConfig = z.object({
  /** Session lifetime in hours. */
  SHULIU_SESSION_HOURS: z.coerce.number().int().positive().default(12).describe('Session lifetime, hours'),
  /** Failed sign-ins before an account is locked. */
  SHULIU_LOGIN_MAX_FAILURES: z.coerce
    .number()
    .int()
    .positive()
    .default(5)
    .describe('Failed sign-ins before lockout'),
  /** Lockout duration in minutes. */
  SHULIU_LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .positive()
    .default(15)
    .describe('Lockout duration, minutes'),
  /** Sign-in attempts allowed per client address per minute. */
  SHULIU_LOGIN_RATE_PER_MINUTE: z.coerce
    .number()
    .int()
    .positive()
    .default(20)
    .describe('Sign-in attempts per client address per minute'),
  /** Seed the demo exchange on first start. */
  SHULIU_SEED_DEMO: flag
    .default(true)
    .describe('Seed demo organizations and logins on first start (true/false)'),
  /** Password for every demo login; random (and printed once) when unset. */
  SHULIU_DEMO_PASSWORD: z
    .string()
    .min(10)
    .optional()
    .describe('Password for all demo logins (default: random, printed once)'),
  /** Let API connectivity tests reach private, loopback and link-local addresses (tests, closed networks). */
  SHULIU_CONNECTIVITY_ALLOW_PRIVATE: flag
    .default(false)
    .describe('Allow product API connectivity tests to private/loopback addresses (true/false; SSRF guard)'),
  /** Mark session cookies Secure (set true behind HTTPS). */
  SHULIU_SECURE_COOKIES: flag.default(false).describe('Mark cookies Secure (true behind HTTPS)'),
});
export type SecurityConfig = z.infer<typeof SecurityConfig>;
