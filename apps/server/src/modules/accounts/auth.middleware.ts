/**
 * Resolves the caller of every API request: `Authorization: Bearer slt_…` (API token) or the
 * `shuliu_session` cookie. Cookie-authenticated unsafe requests must echo the `shuliu_csrf` cookie in
 * `X-CSRF-Token` (double submit; the session cookie is also SameSite=Lax).
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { hashSecretToken, safeEqual } from '../../platform/crypto/secret-token.js';
import type { AppEnv } from '../../platform/http/app-env.js';
import { AppError } from '../../platform/http/errors.js';
import type { PlatformRole, TokenScope } from '../../platform/http/principal.js';
import { accountsRepository as repo } from './accounts.repository.js';
import type { TokensService } from './tokens.service.js';

export const SESSION_COOKIE = 'shuliu_session';
export const CSRF_COOKIE = 'shuliu_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Middleware setting `principal` for /api requests. */
export function resolvePrincipal(deps: {
  db: Db;
  clock: Clock;
  tokens: TokensService;
}): MiddlewareHandler<AppEnv> {
  const findLiveSession = repo.prepareFindLiveSession(deps.db);
  return async (c, next) => {
    if (!c.req.path.startsWith('/api/')) return next();
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const found = match?.[1] ? await deps.tokens.authenticate(match[1]) : null;
      if (!found) throw new AppError('auth.token_invalid', 401);
      c.set('principal', {
        kind: 'user',
        userId: found.user.id,
        email: found.user.email,
        displayName: found.user.displayName,
        platformRoles: found.user.platformRoles as PlatformRole[],
        via: 'token',
        tokenId: found.token.id,
        scopes: found.token.scopes as TokenScope[],
      });
      return next();
    }
    const sessionToken = getCookie(c, SESSION_COOKIE);
    if (sessionToken) {
      const found = await findLiveSession(hashSecretToken(sessionToken), deps.clock.now());
      if (found) {
        if (!SAFE_METHODS.has(c.req.method)) {
          const cookie = getCookie(c, CSRF_COOKIE) ?? '';
          const header = c.req.header('x-csrf-token') ?? '';
          if (!cookie || !safeEqual(cookie, header)) throw new AppError('auth.csrf_failed', 403);
        }
        c.set('principal', {
          kind: 'user',
          userId: found.user.id,
          email: found.user.email,
          displayName: found.user.displayName,
          platformRoles: found.user.platformRoles as PlatformRole[],
          via: 'session',
          sessionId: found.sessionId,
          scopes: ['read', 'write'],
        });
      }
    }
    return next();
  };
}
