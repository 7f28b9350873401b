/**
 * The only file of the participants module with queries.
 */
import { and, count, desc, eq, ilike, inArray, or, sql, type AnyColumn } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { containingPattern } from '../../platform/db/like.js';
import type { CursorPosition } from '../../platform/http/cursor.js';
import { participantApplications as apps, participants } from './participants.tables.js';

export type ApplicationRow = typeof apps.$inferSelect;
export type ParticipantRow = typeof participants.$inferSelect;

/** Keyset condition: rows strictly after the cursor in (at desc, id desc) order. */
const before = (at: AnyColumn, id: AnyColumn, c: CursorPosition | null) =>
  c ? sql`(${at}, ${id}) < (${c.at.toISOString()}::timestamptz, ${c.id})` : undefined;

/** True when `error` is PostgreSQL's unique violation on `constraint`. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const cause =
    (error as { cause?: { code?: string; constraint?: string } } | null)?.cause ??
    (error as { code?: string; constraint?: string });
  return cause?.code === '23505' && cause.constraint === constraint;
}

export const participantsRepository = {
  insertApplication: async (db: Executor, row: typeof apps.$inferInsert) =>
    (await db.insert(apps).values(row).returning())[0],

  findApplication: async (db: Executor, id: string, forUpdate = false) => {
    const query = db.select().from(apps).where(eq(apps.id, id)).limit(1);
    return (await (forUpdate ? query.for('update') : query))[0];
  },

  updateApplication: async (db: Executor, id: string, patch: Partial<typeof apps.$inferInsert>) =>
    (
      await db
        .update(apps)
        .set({ ...patch, version: sql`${apps.version} + 1` })
        .where(eq(apps.id, id))
        .returning()
    )[0],

  /** The live application or registration holding `creditCode`, if any. */
  findLiveByCreditCode: async (db: Executor, creditCode: string) => {
    const [registered] = await db
      .select({ id: participants.id })
      .from(participants)
      .where(eq(participants.creditCode, creditCode))
      .limit(1);
    if (registered) return { kind: 'participant' as const, id: registered.id };
    const [live] = await db
      .select({ id: apps.id })
      .from(apps)
      .where(and(eq(apps.creditCode, creditCode), inArray(apps.state, ['submitted', 'returned', 'approved'])))
      .limit(1);
    return live ? { kind: 'application' as const, id: live.id } : null;
  },

  /** True when the organization has a live application (submitted, returned or approved). */
  hasLiveApplication: async (db: Executor, organizationId: string) =>
    (
      await db
        .select({ id: apps.id })
        .from(apps)
        .where(
          and(
            eq(apps.organizationId, organizationId),
            inArray(apps.state, ['submitted', 'returned', 'approved']),
          ),
        )
        .limit(1)
    ).length > 0,

  /**
   * A page of applications (newest first) and the count matching the filters. `applicantId` limits
   * to the caller's own applications and those of `organizationIds`; without it, all are listed.
   */
  async listApplications(
    db: Executor,
    filter: {
      organizationIds?: string[];
      applicantId?: string;
      state?: string;
      q?: string;
      role?: string;
      cursor: CursorPosition | null;
      limit: number;
    },
  ) {
    const mine =
      filter.applicantId !== undefined
        ? or(
            eq(apps.applicantId, filter.applicantId),
            filter.organizationIds?.length ? inArray(apps.organizationId, filter.organizationIds) : undefined,
          )
        : undefined;
    const pattern = filter.q ? containingPattern(filter.q) : undefined;
    const where = and(
      mine,
      filter.state ? eq(apps.state, filter.state) : undefined,
      pattern ? or(ilike(apps.name, pattern), ilike(apps.creditCode, pattern)) : undefined,
      filter.role ? sql`${filter.role} = ANY(${apps.roles})` : undefined,
    );
    const [rows, [total]] = await Promise.all([
      db
        .select()
        .from(apps)
        .where(and(where, before(apps.createdAt, apps.id, filter.cursor)))
        .orderBy(desc(apps.createdAt), desc(apps.id))
        .limit(filter.limit + 1),
      db.select({ n: count() }).from(apps).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  },

  insertParticipant: async (db: Executor, row: typeof participants.$inferInsert) =>
    (await db.insert(participants).values(row).returning())[0],

  findParticipant: async (db: Executor, id: string, forUpdate = false) => {
    const query = db.select().from(participants).where(eq(participants.id, id)).limit(1);
    return (await (forUpdate ? query.for('update') : query))[0];
  },

  /** The participant registered by an organization (one entity, one registration), if any. */
  findParticipantByOrganization: async (db: Executor, organizationId: string) =>
    (await db.select().from(participants).where(eq(participants.organizationId, organizationId)).limit(1))[0],

  updateParticipant: (db: Executor, id: string, patch: Partial<typeof participants.$inferInsert>) =>
    db.update(participants).set(patch).where(eq(participants.id, id)),

  /** A page of the directory and the total matching count. */
  async listParticipants(
    db: Executor,
    filter: { q?: string; role?: string; status?: string; cursor: CursorPosition | null; limit: number },
  ) {
    const where = and(
      filter.q ? ilike(participants.searchText, containingPattern(filter.q.toLowerCase())) : undefined,
      filter.role ? sql`${filter.role} = ANY(${participants.roles})` : undefined,
      filter.status ? eq(participants.status, filter.status) : undefined,
    );
    const [rows, [total]] = await Promise.all([
      db
        .select()
        .from(participants)
        .where(and(where, before(participants.registeredAt, participants.id, filter.cursor)))
        .orderBy(desc(participants.registeredAt), desc(participants.id))
        .limit(filter.limit + 1),
      db.select({ n: count() }).from(participants).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  },
};
