/**
 * User administration (用户管理) for the exchange admin: finding users and lifting sign-in locks.
 * Platform roles are set by `auth.service.ts`, which the CLI and the demo seed use too. Who may call
 * these is decided by the routes' policies (exchange admins only).
 */
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { recordEvent } from '../../platform/events/events.js';
import { decodeCursor, pageOf } from '../../platform/http/cursor.js';
import { notFound } from '../../platform/http/errors.js';
import type { PlatformRole } from '../../platform/http/principal.js';
import { ACCOUNTS_EVENTS as E } from './accounts.events.js';
import { accountsRepository as repo, type UserOrganizationRow, type UserRow } from './accounts.repository.js';
import type { Actor } from './auth.service.js';

/** A user as the admin list shows them: the row and the organizations they belong to. */
export interface AdministeredUser {
  user: UserRow;
  organizations: UserOrganizationRow[];
}

export function createUsersService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  /** Pairs users with their organizations, fetched for all of them in one query. */
  async function withOrganizations(rows: UserRow[]): Promise<AdministeredUser[]> {
    const memberships = await repo.organizationsOfUsers(
      db,
      rows.map((u) => u.id),
    );
    return rows.map((user) => ({
      user,
      organizations: memberships.filter((m) => m.userId === user.id),
    }));
  }

  return {
    /** A page of users, newest first, filtered by an email or name fragment and a platform role. */
    async list(query: { q?: string; role?: PlatformRole; cursor?: string; limit: number }) {
      const cursor = decodeCursor(query.cursor);
      const { rows, total } = await repo.listUsers(db, { ...query, cursor });
      const { page, nextCursor } = pageOf(rows, query.limit, (u) => u.createdAt);
      return { items: await withOrganizations(page), total, nextCursor };
    },

    /**
     * Lifts a sign-in lock and forgets counted failures. A user with neither is left as is and no event
     * is recorded, so unlocking twice is harmless.
     */
    async unlock(userId: string, actor: Actor): Promise<AdministeredUser> {
      const user = await db.transaction(async (tx) => {
        const found = await repo.lockUser(tx, userId);
        if (!found) throw notFound('accounts.user.not_found');
        if (found.lockedUntil === null && found.failedLogins === 0) return found;
        await repo.updateUser(tx, userId, { lockedUntil: null, failedLogins: 0 });
        await recordEvent(tx, clock, {
          type: E.userUnlocked,
          actorId: actor.userId,
          subjectType: 'user',
          subjectId: userId,
          payload: {
            lockedUntil: found.lockedUntil?.toISOString() ?? null,
            failedLogins: found.failedLogins,
          },
          requestId: actor.requestId,
        });
        return { ...found, lockedUntil: null, failedLogins: 0 };
      });
      return { user, organizations: await repo.organizationsOfUsers(db, [user.id]) };
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
