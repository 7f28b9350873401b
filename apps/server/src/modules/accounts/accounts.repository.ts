/**
 * The only file of the accounts module with queries.
 */
import { and, asc, count, desc, eq, gt, ilike, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db/database.js';
import { containingPattern } from '../../platform/db/like.js';
import type { CursorPosition } from '../../platform/http/cursor.js';
import type { PlatformRole } from '../../platform/http/principal.js';
import { apiTokens, memberships, organizations, passwordResets, sessions, users } from './accounts.tables.js';

export type UserRow = typeof users.$inferSelect;
export type OrganizationRow = typeof organizations.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;
export type MemberRole = 'owner' | 'admin' | 'member';

/** Lock key serializing platform-role changes (any 64-bit constant unique to this purpose). */
const PLATFORM_ROLES_LOCK = 7_305_117_101;

/**
 * `users.created_at` has microseconds but cursors carry a JavaScript Date (milliseconds): order and
 * compare on the millisecond so a row created in the same millisecond as a page's last row is not skipped.
 */
const userCreatedMs = sql`date_trunc('milliseconds', ${users.createdAt})`;

/** A user with an organization they belong to (admin list). */
export interface UserOrganizationRow {
  userId: string;
  id: string;
  name: string;
  role: string;
}

export const accountsRepository = {
  findUserByEmail: async (db: Executor, email: string) =>
    (await db.select().from(users).where(eq(users.email, email)).limit(1))[0],

  hasAnyUser: async (db: Executor) => (await db.select({ id: users.id }).from(users).limit(1)).length > 0,

  findUserById: async (db: Executor, id: string) =>
    (await db.select().from(users).where(eq(users.id, id)).limit(1))[0],

  insertUser: (db: Executor, row: typeof users.$inferInsert) =>
    db.insert(users).values(row).onConflictDoNothing().returning(),

  /** The user row, locked until the transaction ends (unlock vs. a concurrent failed sign-in). */
  lockUser: async (db: Executor, id: string) =>
    (await db.select().from(users).where(eq(users.id, id)).limit(1).for('update'))[0],

  /** A page of users, newest first, matching `q` (email or name) and `role`, with the matching count. */
  async listUsers(
    db: Executor,
    filter: { q?: string; role?: PlatformRole; cursor: CursorPosition | null; limit: number },
  ) {
    const q = filter.q?.trim();
    const pattern = q ? containingPattern(q) : undefined;
    const where = and(
      pattern ? or(ilike(users.email, pattern), ilike(users.displayName, pattern)) : undefined,
      filter.role ? sql`${filter.role} = ANY(${users.platformRoles})` : undefined,
    );
    const after = filter.cursor
      ? sql`(${userCreatedMs}, ${users.id}) < (${filter.cursor.at.toISOString()}::timestamptz, ${filter.cursor.id})`
      : undefined;
    const [rows, [total]] = await Promise.all([
      db
        .select()
        .from(users)
        .where(and(where, after))
        .orderBy(desc(userCreatedMs), desc(users.id))
        .limit(filter.limit + 1),
      db.select({ n: count() }).from(users).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  },

  /** Organizations of several users in one query (a page of the admin list), oldest membership first. */
  organizationsOfUsers: (db: Executor, userIds: readonly string[]): Promise<UserOrganizationRow[]> =>
    userIds.length === 0
      ? Promise.resolve([])
      : db
          .select({
            userId: memberships.userId,
            id: organizations.id,
            name: organizations.name,
            role: memberships.role,
          })
          .from(memberships)
          .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
          .where(inArray(memberships.userId, [...userIds]))
          .orderBy(asc(memberships.createdAt)),

  /**
   * Serializes platform-role changes until the transaction ends, so two concurrent demotions cannot
   * both see another exchange admin left. Role changes are rare; one lock is simpler than row locks.
   */
  lockPlatformRoles: (db: Executor) => db.execute(sql`SELECT pg_advisory_xact_lock(${PLATFORM_ROLES_LOCK})`),

  /** How many users hold `role`. */
  countPlatformRoleHolders: async (db: Executor, role: PlatformRole) =>
    (
      await db
        .select({ n: count() })
        .from(users)
        .where(sql`${role} = ANY(${users.platformRoles})`)
    )[0]?.n ?? 0,

  updateUser: (db: Executor, id: string, patch: Partial<typeof users.$inferInsert>) =>
    db.update(users).set(patch).where(eq(users.id, id)),

  /** Counts a failed sign-in atomically and returns the new count. */
  countFailedLogin: async (db: Executor, id: string) =>
    (
      await db
        .update(users)
        .set({ failedLogins: sql`${users.failedLogins} + 1` })
        .where(eq(users.id, id))
        .returning({ failedLogins: users.failedLogins })
    )[0]?.failedLogins ?? 0,

  insertSession: (db: Executor, row: typeof sessions.$inferInsert) => db.insert(sessions).values(row),

  /**
   * The live session with `tokenHash` and its user, in one query. This runs on every signed-in request,
   * so it is a named prepared statement: PostgreSQL plans it once per connection.
   */
  prepareFindLiveSession: (db: Db) => {
    const prepare = () =>
      db
        .select({ sessionId: sessions.id, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(
          and(
            eq(sessions.tokenHash, sql.placeholder('tokenHash')),
            isNull(sessions.revokedAt),
            gt(sessions.expiresAt, sql.placeholder('now')),
          ),
        )
        .limit(1)
        .prepare('accounts_find_live_session');
    // Prepared on first use, so building the app (e.g. to generate the OpenAPI document) touches no database.
    let statement: ReturnType<typeof prepare> | undefined;
    return async (tokenHash: string, now: Date) => {
      statement ??= prepare();
      return (await statement.execute({ tokenHash, now: now.toISOString() }))[0];
    };
  },

  revokeSession: (db: Executor, id: string, now: Date) =>
    db
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.id, id), isNull(sessions.revokedAt))),

  /** Ends every session of a user except `keep` (after a password change or reset). */
  revokeSessionsOf: (db: Executor, userId: string, now: Date, keep?: string) =>
    db
      .update(sessions)
      .set({ revokedAt: now })
      .where(
        and(
          eq(sessions.userId, userId),
          isNull(sessions.revokedAt),
          keep ? sql`${sessions.id} <> ${keep}` : sql`true`,
        ),
      ),

  /** Deletes sessions and reset tokens that ended before `before`; returns how many of each. */
  purgeEnded: async (db: Executor, before: Date) => {
    const ended = await db
      .delete(sessions)
      .where(or(lt(sessions.expiresAt, before), lt(sessions.revokedAt, before)))
      .returning({ id: sessions.id });
    const resets = await db
      .delete(passwordResets)
      .where(or(lt(passwordResets.expiresAt, before), lt(passwordResets.usedAt, before)))
      .returning({ id: passwordResets.id });
    return { sessions: ended.length, passwordResets: resets.length };
  },

  insertToken: (db: Executor, row: typeof apiTokens.$inferInsert) =>
    db.insert(apiTokens).values(row).returning(),

  findTokenByHash: async (db: Executor, tokenHash: string) =>
    (
      await db
        .select({ token: apiTokens, user: users })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(eq(apiTokens.tokenHash, tokenHash))
        .limit(1)
    )[0],

  touchToken: (db: Executor, id: string, now: Date) =>
    db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id)),

  listTokens: (db: Executor, userId: string) =>
    db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(asc(apiTokens.createdAt)),

  revokeToken: async (db: Executor, userId: string, id: string, now: Date) =>
    (
      await db
        .update(apiTokens)
        .set({ revokedAt: now })
        .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
        .returning({ id: apiTokens.id })
    ).length > 0,

  insertPasswordReset: (db: Executor, row: typeof passwordResets.$inferInsert) =>
    db.insert(passwordResets).values(row),

  /** Marks an unused, unexpired reset token used and returns its user, or undefined. */
  consumePasswordReset: async (db: Executor, tokenHash: string, now: Date) =>
    (
      await db
        .update(passwordResets)
        .set({ usedAt: now })
        .where(
          and(
            eq(passwordResets.tokenHash, tokenHash),
            isNull(passwordResets.usedAt),
            gt(passwordResets.expiresAt, now),
          ),
        )
        .returning({ userId: passwordResets.userId })
    )[0],

  insertOrganization: async (db: Executor, row: typeof organizations.$inferInsert) =>
    (await db.insert(organizations).values(row).returning())[0],

  /** An organization with the caller's role in it (null when not a member), in one query. */
  findOrganizationWithRole: async (db: Executor, id: string, userId: string) =>
    (
      await db
        .select({ organization: organizations, role: memberships.role })
        .from(organizations)
        .leftJoin(
          memberships,
          and(eq(memberships.organizationId, organizations.id), eq(memberships.userId, userId)),
        )
        .where(eq(organizations.id, id))
        .limit(1)
    )[0],

  findOrganization: async (db: Executor, id: string) =>
    (await db.select().from(organizations).where(eq(organizations.id, id)).limit(1))[0],

  updateOrganization: (db: Executor, id: string, patch: Partial<typeof organizations.$inferInsert>) =>
    db.update(organizations).set(patch).where(eq(organizations.id, id)),

  insertMembership: (db: Executor, row: typeof memberships.$inferInsert) =>
    db.insert(memberships).values(row).onConflictDoNothing().returning(),

  roleOf: async (db: Executor, userId: string, organizationId: string): Promise<MemberRole | null> =>
    ((
      await db
        .select({ role: memberships.role })
        .from(memberships)
        .where(and(eq(memberships.userId, userId), eq(memberships.organizationId, organizationId)))
        .limit(1)
    )[0]?.role as MemberRole | undefined) ?? null,

  organizationsOf: (db: Executor, userId: string) =>
    db
      .select({
        id: organizations.id,
        name: organizations.name,
        participantId: organizations.participantId,
        role: memberships.role,
      })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(memberships.createdAt)),

  membersOf: (db: Executor, organizationId: string) =>
    db
      .select({
        userId: users.id,
        email: users.email,
        displayName: users.displayName,
        role: memberships.role,
        joinedAt: memberships.createdAt,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.organizationId, organizationId))
      .orderBy(asc(memberships.createdAt)),

  updateMembershipRole: (db: Executor, organizationId: string, userId: string, role: MemberRole) =>
    db
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
      .returning({ id: memberships.id }),

  deleteMembership: (db: Executor, organizationId: string, userId: string) =>
    db
      .delete(memberships)
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
      .returning({ id: memberships.id }),

  /** Owners of an organization, locked so two concurrent demotions cannot remove the last one. */
  lockOwners: (db: Executor, organizationId: string) =>
    db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, 'owner')))
      .for('update'),
};
