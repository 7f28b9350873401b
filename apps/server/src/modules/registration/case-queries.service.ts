/**
 * Reading cases: the applicant's list and the reviewers' queue, and one case with its timeline (from
 * the event log), objections and checklist.
 */
import type { CaseState } from '@shuliu/core';
import { listEventsOf } from '../../platform/events/events.js';
import { decodeCursor, pageOf } from '../../platform/http/cursor.js';
import { AppError } from '../../platform/http/errors.js';
import { hasPlatformRole, type Principal, type UserPrincipal } from '../../platform/http/principal.js';
import { loadCaseFor, type EngineDeps } from './engine.js';
import { EVENT_SUBJECTS } from './registration.events.js';
import { READER_ROLES } from './registration.policy.js';
import { registrationRepository as repo } from './registration.repository.js';
import type { CaseListInput } from './registration.schemas.js';

/** One line of a case's timeline. */
export interface TimelineEntry {
  type: string;
  actorName: string | null;
  note: string | null;
  at: string;
}

export function createCaseQueries(deps: EngineDeps) {
  const { db } = deps;
  return {
    /** One case the caller may see, with objections and timeline. */
    async get(principal: Principal, id: string) {
      const row = await loadCaseFor(deps, principal, id);
      const [events, objections] = await Promise.all([
        listEventsOf(db, EVENT_SUBJECTS.case, id),
        repo.objectionsOf(db, id),
      ]);
      const timeline: TimelineEntry[] = events.map((e) => {
        const payload = e.payload as {
          actorName?: string | null;
          note?: string | null;
          reason?: string | null;
        };
        return {
          type: e.type,
          actorName: payload.actorName ?? null,
          note: payload.note ?? payload.reason ?? null,
          at: e.occurredAt.toISOString(),
        };
      });
      return { row, objections, timeline, isStaff: hasPlatformRole(principal, ...READER_ROLES) };
    },

    /** The caller's organizations' cases (including those they assess), or the whole queue for staff. */
    async list(principal: UserPrincipal, query: CaseListInput) {
      const cursor = decodeCursor(query.cursor);
      if (query.scope === 'queue' && !hasPlatformRole(principal, ...READER_ROLES))
        throw new AppError('auth.forbidden', 403, { scope: 'queue' });
      const organizationIds =
        query.scope === 'mine'
          ? (await deps.memberships.organizationsOf(principal.userId)).map((o) => o.id)
          : undefined;
      const states: CaseState[] | undefined = query.state ? [query.state] : undefined;
      const { rows, total } = await repo.listCases(db, {
        organizationIds,
        states,
        subjectKind: query.subjectKind,
        caseType: query.caseType,
        q: query.q,
        cursor,
        limit: query.limit,
      });
      const { page, nextCursor } = pageOf(rows, query.limit, (r) => r.updatedAt);
      return { rows: page, total, nextCursor };
    },
  };
}

export type CaseQueries = ReturnType<typeof createCaseQueries>;
