/**
 * API tokens for programs: `slt_…`, shown once, stored hashed, limited by scope and expiry, revocable.
 */
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { recordEvent } from '../../platform/events/events.js';
import { AppError } from '../../platform/http/errors.js';
import type { TokenScope } from '../../platform/http/principal.js';
import { newId } from '../../platform/ids.js';
import { hashSecretToken, newSecretToken } from '../../platform/crypto/secret-token.js';
import { ACCOUNTS_EVENTS as E } from './accounts.events.js';
import { accountsRepository as repo } from './accounts.repository.js';
import type { Actor } from './auth.service.js';

/** How stale `lastUsedAt` may get before a use rewrites it. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function createTokensService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  return {
    /** Creates a token; the secret is returned once and never stored. */
    async create(
      userId: string,
      input: { name: string; scopes: TokenScope[]; expiresInDays: number },
      actor: Actor,
    ) {
      const { token, hash } = newSecretToken('slt');
      const expiresAt = new Date(clock.now().getTime() + input.expiresInDays * 86_400_000);
      return db.transaction(async (tx) => {
        const [row] = await repo.insertToken(tx, {
          id: newId('tok'),
          userId,
          name: input.name.trim(),
          prefix: token.slice(0, 10),
          tokenHash: hash,
          scopes: [...new Set(input.scopes)].sort(),
          expiresAt,
        });
        if (!row) throw new Error('token insert returned nothing');
        await recordEvent(tx, clock, {
          type: E.tokenCreated,
          actorId: actor.userId,
          subjectType: 'api_token',
          subjectId: row.id,
          payload: { scopes: row.scopes, expiresAt: expiresAt.toISOString() },
          requestId: actor.requestId,
        });
        return { row, token };
      });
    },

    list: (userId: string) => repo.listTokens(db, userId),

    /** Revokes one of the caller's tokens; someone else's token is "not found". */
    async revoke(userId: string, tokenId: string, actor: Actor) {
      await db.transaction(async (tx) => {
        if (!(await repo.revokeToken(tx, userId, tokenId, clock.now())))
          throw new AppError('accounts.token.not_found', 404);
        await recordEvent(tx, clock, {
          type: E.tokenRevoked,
          actorId: actor.userId,
          subjectType: 'api_token',
          subjectId: tokenId,
          requestId: actor.requestId,
        });
      });
    },

    /** The token's owner when the token is live, else null. */
    async authenticate(token: string) {
      const found = await repo.findTokenByHash(db, hashSecretToken(token));
      const now = clock.now();
      if (!found || found.token.revokedAt || found.token.expiresAt <= now) return null;
      // Owners see when a token was last used; one write a minute per token is enough for that.
      if (
        !found.token.lastUsedAt ||
        now.getTime() - found.token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS
      ) {
        await repo.touchToken(db, found.token.id, now);
      }
      return found;
    },
  };
}

export type TokensService = ReturnType<typeof createTokensService>;
