/**
 * The only file of the registration engine with queries.
 */
import { and, asc, count, desc, eq, ilike, inArray, lte, or, sql, type AnyColumn } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { containingPattern } from '../../platform/db/like.js';
import type { CursorPosition } from '../../platform/http/cursor.js';
import {
  registrationCases as cases,
  registrationCertificates as certificates,
  registrationObjections as objections,
  registrationRegimes as regimes,
} from './registration.tables.js';

export type CaseRow = typeof cases.$inferSelect;
export type ObjectionRow = typeof objections.$inferSelect;
export type CertificateRow = typeof certificates.$inferSelect;
export type RegimeRow = typeof regimes.$inferSelect;

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

/** The subject name kept in a description (both kinds name it `name`). */
const subjectName = sql<string>`coalesce(${cases.description}->>'name', '')`;

export const registrationRepository = {
  listRegimes: (db: Executor) => db.select().from(regimes),

  findRegime: async (db: Executor, kind: string, forUpdate = false) => {
    const query = db.select().from(regimes).where(eq(regimes.subjectKind, kind)).limit(1);
    return (await (forUpdate ? query.for('update') : query))[0];
  },

  /** Inserts or replaces a regime at `version`; returns null when someone else wrote it first. */
  async saveRegime(db: Executor, row: typeof regimes.$inferInsert & { version: number }) {
    const [saved] = await db
      .insert(regimes)
      .values(row)
      .onConflictDoUpdate({
        target: regimes.subjectKind,
        set: {
          settings: row.settings,
          version: row.version,
          updatedBy: row.updatedBy,
          updatedAt: row.updatedAt,
        },
        setWhere: sql`${regimes.version} = ${row.version - 1}`,
      })
      .returning();
    return saved ?? null;
  },

  insertCase: async (db: Executor, row: typeof cases.$inferInsert) =>
    (await db.insert(cases).values(row).returning())[0],

  findCase: async (db: Executor, id: string, forUpdate = false) => {
    const query = db.select().from(cases).where(eq(cases.id, id)).limit(1);
    return (await (forUpdate ? query.for('update') : query))[0];
  },

  findCaseByQueryCode: async (db: Executor, code: string) =>
    (await db.select().from(cases).where(eq(cases.queryCode, code)).limit(1))[0],

  /** The open case of a subject, if any (at most one, by a partial unique index). */
  findOpenCase: async (db: Executor, subjectId: string, openStates: readonly string[]) =>
    (
      await db
        .select()
        .from(cases)
        .where(and(eq(cases.subjectId, subjectId), inArray(cases.state, [...openStates])))
        .limit(1)
    )[0],

  /** Updates a case and bumps its version. */
  updateCase: async (db: Executor, id: string, patch: Partial<typeof cases.$inferInsert>) =>
    (
      await db
        .update(cases)
        .set({ ...patch, version: sql`${cases.version} + 1` })
        .where(eq(cases.id, id))
        .returning()
    )[0],

  /** Ids of cases in publicity whose period ended at `now`. */
  duePublicityCaseIds: async (db: Executor, now: Date) =>
    (
      await db
        .select({ id: cases.id })
        .from(cases)
        .where(and(eq(cases.state, 'publicity'), lte(cases.publicityEndsAt, now)))
        .orderBy(asc(cases.publicityEndsAt))
        .limit(500)
    ).map((r) => r.id),

  /** A page of cases (newest change first) and the count matching the filters. */
  async listCases(
    db: Executor,
    filter: {
      organizationIds?: string[];
      states?: readonly string[];
      subjectKind?: string;
      caseType?: string;
      q?: string;
      cursor: CursorPosition | null;
      limit: number;
    },
  ) {
    const pattern = filter.q ? containingPattern(filter.q) : undefined;
    const where = and(
      filter.organizationIds
        ? or(
            inArray(cases.organizationId, filter.organizationIds.length ? filter.organizationIds : ['']),
            inArray(
              cases.assessorOrganizationId,
              filter.organizationIds.length ? filter.organizationIds : [''],
            ),
          )
        : undefined,
      filter.states ? inArray(cases.state, [...filter.states]) : undefined,
      filter.subjectKind ? eq(cases.subjectKind, filter.subjectKind) : undefined,
      filter.caseType ? eq(cases.caseType, filter.caseType) : undefined,
      pattern ? or(ilike(cases.number, pattern), ilike(subjectName, pattern)) : undefined,
    );
    const [rows, [total]] = await Promise.all([
      db
        .select()
        .from(cases)
        .where(and(where, before(cases.updatedAt, cases.id, filter.cursor)))
        .orderBy(desc(cases.updatedAt), desc(cases.id))
        .limit(filter.limit + 1),
      db.select({ n: count() }).from(cases).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  },

  insertObjection: async (db: Executor, row: typeof objections.$inferInsert) =>
    (await db.insert(objections).values(row).returning())[0],

  findObjection: async (db: Executor, caseId: string, id: string, forUpdate = false) => {
    const query = db
      .select()
      .from(objections)
      .where(and(eq(objections.id, id), eq(objections.caseId, caseId)))
      .limit(1);
    return (await (forUpdate ? query.for('update') : query))[0];
  },

  objectionsOf: (db: Executor, caseId: string) =>
    db.select().from(objections).where(eq(objections.caseId, caseId)).orderBy(asc(objections.filedAt)),

  updateObjection: (db: Executor, id: string, patch: Partial<typeof objections.$inferInsert>) =>
    db.update(objections).set(patch).where(eq(objections.id, id)),

  insertCertificate: async (db: Executor, row: typeof certificates.$inferInsert) =>
    (await db.insert(certificates).values(row).returning())[0],

  findCertificateByNumber: async (db: Executor, number: string, forUpdate = false) => {
    const query = db.select().from(certificates).where(eq(certificates.number, number)).limit(1);
    return (await (forUpdate ? query.for('update') : query))[0];
  },

  findCertificate: async (db: Executor, id: string) =>
    (await db.select().from(certificates).where(eq(certificates.id, id)).limit(1))[0],

  /** The certificate in force (active or suspended) for a subject, locked when asked. */
  findCurrentCertificate: async (db: Executor, subjectId: string, forUpdate = false) => {
    const query = db
      .select()
      .from(certificates)
      .where(
        and(eq(certificates.subjectId, subjectId), inArray(certificates.status, ['active', 'suspended'])),
      )
      .orderBy(desc(certificates.certificateVersion))
      .limit(1);
    return (await (forUpdate ? query.for('update') : query))[0];
  },

  /** Every certificate version of a subject, oldest first. */
  certificatesOf: (db: Executor, subjectId: string) =>
    db
      .select()
      .from(certificates)
      .where(eq(certificates.subjectId, subjectId))
      .orderBy(asc(certificates.certificateVersion)),

  hasAnyCertificate: async (db: Executor, subjectId: string) =>
    (
      await db
        .select({ id: certificates.id })
        .from(certificates)
        .where(eq(certificates.subjectId, subjectId))
        .limit(1)
    ).length > 0,

  updateCertificate: (db: Executor, id: string, patch: Partial<typeof certificates.$inferInsert>) =>
    db.update(certificates).set(patch).where(eq(certificates.id, id)),

  /** Active certificates whose validity ended at `now`. */
  expiredCertificateIds: async (db: Executor, now: Date) =>
    (
      await db
        .select({ id: certificates.id })
        .from(certificates)
        .where(and(eq(certificates.status, 'active'), lte(certificates.validUntil, now)))
        .limit(500)
    ).map((r) => r.id),

  lockCertificate: async (db: Executor, id: string) =>
    (await db.select().from(certificates).where(eq(certificates.id, id)).limit(1).for('update'))[0],
};
