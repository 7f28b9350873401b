/**
 * Drafts of data resources and data products: create, save (optimistic concurrency), read, list and
 * delete, for members of a registered provider or merchant organization. Submission is the
 * registration engine's (through the SubjectsPort); this service keeps what a holder edits.
 */
import type { DatasetReference, SubjectKind } from '@shuliu/core';
import type { Clock } from '../../platform/clock.js';
import type { Db, Executor } from '../../platform/db/database.js';
import { listEventsOf, recordEvent } from '../../platform/events/events.js';
import { decodeCursor, pageOf } from '../../platform/http/cursor.js';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors.js';
import {
  hasPlatformRole,
  listedOrganizations,
  type Principal,
  type UserPrincipal,
} from '../../platform/http/principal.js';
import { newId } from '../../platform/ids.js';
import type { ProductDraft, ResourceDraft } from './description.schemas.js';
import { REGISTRY_EVENTS, SUBJECT_TYPES } from './registry.events.js';
import { tableOf, type RowOf, type SubjectRow } from './registry.kinds.js';
import { STAFF_ROLES } from './registry.policy.js';
import type { SubjectStatus } from './registry.schemas.js';

/** What the registry needs from other modules (passed in by index.ts). */
export interface RegistryPorts {
  participants: {
    ofOrganization(
      tx: Executor,
      organizationId: string,
    ): Promise<{ name: string; status: string; roles: string[] } | null>;
  };
  organizations: {
    roleOf(userId: string, organizationId: string): Promise<string | null>;
    organizationsOf(userId: string): Promise<{ id: string }[]>;
  };
  attachments: { findMany(ids: string[]): Promise<{ id: string; uploadedBy: string }[]> };
  /** Dataset versions a description references (the datasets module), described in the same order. */
  datasets: {
    describe(
      executor: Executor,
      organizationId: string,
      refs: readonly DatasetReference[],
    ): Promise<
      {
        /** Null when the organization holds no such version. */
        version: { state: string } | null;
        /** The referenced sample's state (`missing` when not one of the dataset's), null when none named. */
        sampleState: string | null;
      }[]
    >;
  };
}

export type DraftOf<K extends SubjectKind> = K extends 'resource' ? ResourceDraft : ProductDraft;
/** How the caller relates to a subject: holder member, exchange staff, or any signed-in reader. */
export type Access = 'member' | 'staff' | 'public';

const SUBJECT_ROLES = ['provider', 'merchant'];

/**
 * The organization's registered participant, refusing (403) unless it is active and holds a role
 * that may register subjects. Returns its registered name (the product naming rule needs it).
 */
export async function requireRegistrant(
  ports: RegistryPorts,
  tx: Executor,
  organizationId: string,
): Promise<{ name: string }> {
  const participant = await ports.participants.ofOrganization(tx, organizationId);
  if (
    !participant ||
    participant.status !== 'active' ||
    !participant.roles.some((r) => SUBJECT_ROLES.includes(r))
  )
    throw new AppError('registry.participant_required', 403, { organizationId });
  return participant;
}

/** Refuses core data already at draft time where it can only mean trading it (products, operation rights). */
export function refuseCoreDraft(kind: SubjectKind, d: ResourceDraft | ProductDraft): void {
  if (d.grade !== 'CORE') return;
  const rights = 'rights' in d ? (d.rights ?? []) : [];
  if (kind === 'product' || rights.includes('operation'))
    throw badRequest('registry.core_data_not_tradable', { field: 'grade' });
}

export function createRegistryService(deps: { db: Db; clock: Clock; ports: RegistryPorts }) {
  const { db, clock, ports } = deps;

  /** The caller's access to `row`, or null when they may not see it. */
  async function accessOf(principal: Principal, row: SubjectRow): Promise<Access | null> {
    if (principal.kind !== 'user') return null;
    if (await ports.organizations.roleOf(principal.userId, row.organizationId)) return 'member';
    if (hasPlatformRole(principal, ...STAFF_ROLES)) return 'staff';
    if (row.registeredDescription && (row.status === 'registered' || row.status === 'registering'))
      return 'public';
    return null;
  }

  /** Loads a subject for change by a member (locked); 404 when unseen, 403 when seen but not a member. */
  async function loadForChange<K extends SubjectKind>(
    tx: Executor,
    kind: K,
    principal: UserPrincipal,
    id: string,
  ): Promise<RowOf<K>> {
    const table = tableOf(kind);
    const row = await table.find(tx, id, true);
    if (!row) throw notFound(table.notFound);
    const access = await accessOf(principal, row);
    if (!access) throw notFound(table.notFound);
    if (access !== 'member') throw new AppError('auth.forbidden', 403);
    return row;
  }

  const event = (kind: SubjectKind, principal: UserPrincipal, row: SubjectRow, requestId: string | null) => ({
    actorId: principal.userId,
    organizationId: row.organizationId,
    subjectType: SUBJECT_TYPES[kind],
    subjectId: row.id,
    requestId,
  });

  return {
    accessOf,
    loadForChange,

    /** Creates a draft for an organization the caller belongs to. */
    async create<K extends SubjectKind>(
      kind: K,
      principal: UserPrincipal,
      input: { organizationId: string; description: DraftOf<K> },
      requestId: string | null,
    ): Promise<RowOf<K>> {
      if (!(await ports.organizations.roleOf(principal.userId, input.organizationId)))
        throw notFound('accounts.organization.not_found');
      refuseCoreDraft(kind, input.description);
      return db.transaction(async (tx) => {
        await requireRegistrant(ports, tx, input.organizationId);
        const now = clock.now();
        const row = await tableOf(kind).insert(tx, {
          id: newId(kind === 'resource' ? 'res' : 'prd'),
          organizationId: input.organizationId,
          createdBy: principal.userId,
          status: 'draft',
          description: input.description,
          createdAt: now,
          updatedAt: now,
        });
        if (!row) throw new Error('subject insert returned nothing');
        await recordEvent(tx, clock, {
          type: REGISTRY_EVENTS[kind].created,
          ...event(kind, principal, row, requestId),
          payload: { name: row.name },
        });
        return row;
      });
    },

    /**
     * Saves the description. Registered subjects keep their registered values in force (columns
     * included): the saved description becomes the proposal of a change case.
     */
    async save<K extends SubjectKind>(
      kind: K,
      principal: UserPrincipal,
      id: string,
      input: { version: number; description: DraftOf<K> },
      requestId: string | null,
    ): Promise<RowOf<K>> {
      refuseCoreDraft(kind, input.description);
      return db.transaction(async (tx) => {
        const row = await loadForChange(tx, kind, principal, id);
        const status = row.status as SubjectStatus;
        if (status !== 'draft' && status !== 'registered')
          throw conflict('registry.subject_locked', { status });
        if (row.version !== input.version)
          throw conflict('registry.version_conflict', { current: row.version, sent: input.version });
        await requireRegistrant(ports, tx, row.organizationId);
        const updated = await tableOf(kind).update(
          tx,
          id,
          { description: input.description, updatedAt: clock.now() },
          row.registeredDescription ? null : input.description,
        );
        if (!updated) throw new Error('subject update returned nothing');
        await recordEvent(tx, clock, {
          type: REGISTRY_EVENTS[kind].saved,
          ...event(kind, principal, row, requestId),
          payload: { version: updated.version, status },
        });
        return updated;
      });
    },

    /** Deletes a draft that was never submitted (no registration case ever opened for it). */
    async remove(kind: SubjectKind, principal: UserPrincipal, id: string, requestId: string | null) {
      await db.transaction(async (tx) => {
        const row = await loadForChange(tx, kind, principal, id);
        const everSubmitted = (await listEventsOf(tx, SUBJECT_TYPES[kind], id)).some(
          (e) => e.type === REGISTRY_EVENTS[kind].statusChanged,
        );
        if (row.status !== 'draft' || row.registeredDescription || everSubmitted)
          throw conflict('registry.not_deletable', { status: row.status });
        await tableOf(kind).remove(tx, id);
        await recordEvent(tx, clock, {
          type: REGISTRY_EVENTS[kind].deleted,
          ...event(kind, principal, row, requestId),
          payload: { name: row.name },
        });
      });
    },

    /** One subject the caller may see, with how they relate to it. */
    async get<K extends SubjectKind>(kind: K, principal: Principal, id: string) {
      const table = tableOf(kind);
      const row = await table.find(db, id);
      const access = row ? await accessOf(principal, row) : null;
      if (!row || !access) throw notFound(table.notFound);
      return { row, access };
    },

    /** The caller's organizations' subjects; staff see every organization's. */
    async list<K extends SubjectKind>(
      kind: K,
      principal: UserPrincipal,
      query: { status?: string; organizationId?: string; q?: string; cursor?: string; limit: number },
    ) {
      const cursor = decodeCursor(query.cursor);
      const mine = (await ports.organizations.organizationsOf(principal.userId)).map((o) => o.id);
      const organizationIds = listedOrganizations(principal, mine, query.organizationId, STAFF_ROLES);
      const memberOf = new Set(mine);
      if (organizationIds?.length === 0)
        return { rows: [] as RowOf<K>[], total: 0, nextCursor: null, memberOf };
      const { rows, total } = await tableOf(kind).list(db, {
        ...(organizationIds ? { organizationIds } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.q ? { q: query.q } : {}),
        cursor,
        limit: query.limit,
      });
      const { page, nextCursor } = pageOf(rows, query.limit, (r) => r.createdAt);
      return { rows: page, total, nextCursor, memberOf };
    },
  };
}

export type RegistryService = ReturnType<typeof createRegistryService>;
