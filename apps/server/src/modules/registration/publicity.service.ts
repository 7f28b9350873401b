/**
 * Publicity (公示) and objections (异议): starting the period with a durable timer, objections that
 * pause it, the reviewer's decision that resumes it for the time left or rejects the case, and the
 * public notice list.
 */
import type { SubjectKind } from '@shuliu/core';
import { decodeCursor, pageOf } from '../../platform/http/cursor.js';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors.js';
import type { UserPrincipal } from '../../platform/http/principal.js';
import { newId } from '../../platform/ids.js';
import {
  nextCaseState,
  recordCaseEvent,
  refuseOwnCase,
  restoreSubjectStatus,
  type EngineDeps,
} from './engine.js';
import { publicityEndOf } from './publicity.js';
import { REGISTRATION_EVENTS as E, REGISTRATION_QUEUES as Q } from './registration.events.js';
import { registrationRepository as repo, type CaseRow } from './registration.repository.js';

/** Checklist items (and the assessment) that keep a case from publicity. */
export function incompleteItems(
  row: Pick<CaseRow, 'checklist' | 'regime' | 'assessmentAttachmentIds'>,
): string[] {
  const open = row.checklist
    .filter((e) => e.verdict !== 'pass' && e.verdict !== 'not_applicable')
    .map((e) => e.key);
  if (row.regime.thirdPartyAssessment && row.assessmentAttachmentIds.length === 0)
    open.push('third_party_assessment');
  return open;
}

export function createPublicityService(deps: EngineDeps) {
  const { db, clock } = deps;

  /** Enqueues the end-of-publicity job; a lost job is caught by the minute sweep. */
  async function scheduleEnd(row: CaseRow | undefined) {
    if (!row?.publicityEndsAt) return;
    try {
      await deps.jobs.send(Q.publicityEnd, { caseId: row.id }, { startAfter: row.publicityEndsAt });
    } catch (error) {
      deps.log.warn('could not enqueue publicity end; the sweep will certify it', {
        caseId: row.id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  return {
    /** Starts publicity once every checklist item passed (or is not applicable). */
    async start(principal: UserPrincipal, id: string, requestId: string | null) {
      const updated = await db.transaction(async (tx) => {
        const row = await repo.findCase(tx, id, true);
        if (!row) throw notFound('registration.case.not_found');
        await refuseOwnCase(deps, principal, row);
        const state = nextCaseState(row, 'start_publicity');
        if (row.state === 'formal_review' && row.regime.substantiveReview)
          throw conflict('registration.substantive_review_required');
        const missing = incompleteItems(row);
        if (missing.length > 0)
          throw conflict('registration.checklist_incomplete', { items: missing.join(', '), keys: missing });
        const now = clock.now();
        const endsAt = publicityEndOf(now, row.regime.publicityDays, row.regime.publicityDayKind, deps.dayMs);
        const next = await repo.updateCase(tx, row.id, {
          state,
          publicityStartedAt: now,
          publicityEndsAt: endsAt,
          publicityRemainingMs: null,
          updatedAt: now,
        });
        if (!next) throw notFound('registration.case.not_found');
        await recordCaseEvent(tx, clock, next, {
          type: E.casePublicityStarted,
          actor: principal,
          payload: { from: row.state, to: state, publicityEndsAt: endsAt.toISOString() },
          requestId,
        });
        return next;
      });
      await scheduleEnd(updated);
      return updated;
    },

    /**
     * DEMO SEED ONLY (`shuliu demo`, first start): ends a publicity window now, so the demo exchange
     * shows certified products at once. Recorded as its own event type, so the log never passes a
     * shortened publicity off as a real one. Nothing reachable over HTTP calls it.
     */
    async endPublicityForDemo(id: string) {
      await db.transaction(async (tx) => {
        const row = await repo.findCase(tx, id, true);
        if (row?.state !== 'publicity') throw conflict('registration.illegal_transition');
        const now = clock.now();
        const updated = await repo.updateCase(tx, row.id, { publicityEndsAt: now, updatedAt: now });
        if (!updated) throw notFound('registration.case.not_found');
        await recordCaseEvent(tx, clock, updated, {
          type: E.casePublicityEndedForDemo,
          actor: null,
          payload: { plannedEnd: row.publicityEndsAt?.toISOString() ?? null, reason: 'demo seed' },
        });
      });
    },

    /** Files an objection (any signed-in user) while publicity runs; the case pauses for review. */
    async object(
      principal: UserPrincipal,
      id: string,
      input: { reasons: string; attachmentIds: string[] },
      requestId: string | null,
    ) {
      const attachmentIds = [...new Set(input.attachmentIds)];
      const found = await deps.attachments.findMany(attachmentIds);
      const own = new Set(found.filter((a) => a.uploadedBy === principal.userId).map((a) => a.id));
      const unknown = attachmentIds.filter((a) => !own.has(a));
      if (unknown.length > 0)
        throw badRequest('http.validation_failed', {
          issues: [{ path: 'attachmentIds', message: `unknown attachments: ${unknown.join(', ')}` }],
        });
      return db.transaction(async (tx) => {
        const row = await repo.findCase(tx, id, true);
        if (!row) throw notFound('registration.case.not_found');
        const now = clock.now();
        if (
          row.state !== 'publicity' ||
          !row.publicityEndsAt ||
          row.publicityEndsAt.getTime() <= now.getTime()
        )
          throw conflict('registration.publicity_closed', { state: row.state });
        const state = nextCaseState(row, 'raise_objection');
        const objection = await repo.insertObjection(tx, {
          id: newId('obj'),
          caseId: row.id,
          filedBy: principal.userId,
          reasons: input.reasons,
          attachmentIds,
          state: 'pending',
          filedAt: now,
        });
        if (!objection) throw new Error('objection insert returned nothing');
        const updated = await repo.updateCase(tx, row.id, {
          state,
          publicityRemainingMs: row.publicityEndsAt.getTime() - now.getTime(),
          publicityEndsAt: null,
          updatedAt: now,
        });
        if (!updated) throw notFound('registration.case.not_found');
        await recordCaseEvent(tx, clock, updated, {
          type: E.caseObjectionRaised,
          actor: principal,
          payload: { objectionId: objection.id, remainingMs: updated.publicityRemainingMs },
          requestId,
        });
        return { case: updated, objection };
      });
    },

    /** The reviewer's decision: dismissed resumes publicity for the time left; upheld rejects the case. */
    async decide(
      principal: UserPrincipal,
      id: string,
      objectionId: string,
      input: { outcome: 'upheld' | 'dismissed'; note: string },
      requestId: string | null,
    ) {
      const updated = await db.transaction(async (tx) => {
        const row = await repo.findCase(tx, id, true);
        if (!row) throw notFound('registration.case.not_found');
        await refuseOwnCase(deps, principal, row);
        const objection = await repo.findObjection(tx, row.id, objectionId, true);
        if (!objection) throw notFound('registration.objection.not_found');
        if (objection.state !== 'pending') throw conflict('registration.objection.decided');
        // No one decides their own objection (separation of duties, like the applicant's own case).
        if (objection.filedBy === principal.userId)
          throw new AppError('auth.forbidden', 403, { reason: 'own_objection' });
        const isUpheld = input.outcome === 'upheld';
        const state = nextCaseState(row, isUpheld ? 'uphold_objection' : 'dismiss_objection');
        const now = clock.now();
        await repo.updateObjection(tx, objection.id, {
          state: input.outcome,
          decisionNote: input.note,
          decidedBy: principal.userId,
          decidedAt: now,
        });
        if (isUpheld) await restoreSubjectStatus(deps, tx, row);
        const next = await repo.updateCase(
          tx,
          row.id,
          isUpheld
            ? { state, reviewNote: input.note, decidedAt: now, updatedAt: now, publicityRemainingMs: null }
            : {
                state,
                publicityEndsAt: new Date(now.getTime() + (row.publicityRemainingMs ?? 0)),
                publicityRemainingMs: null,
                updatedAt: now,
              },
        );
        if (!next) throw notFound('registration.case.not_found');
        await recordCaseEvent(tx, clock, next, {
          type: isUpheld ? E.caseObjectionUpheld : E.caseObjectionDismissed,
          actor: principal,
          payload: { objectionId, note: input.note, from: row.state, to: state },
          requestId,
        });
        return next;
      });
      if (updated.state === 'publicity') await scheduleEnd(updated);
      return updated;
    },

    /** The public notice list: cases in publicity or objection review, with their holders' names. */
    async notices(query: { subjectKind?: SubjectKind; cursor?: string; limit: number }) {
      const cursor = decodeCursor(query.cursor);
      const { rows, total } = await repo.listCases(db, {
        states: ['publicity', 'objection_review'],
        subjectKind: query.subjectKind,
        cursor,
        limit: query.limit,
      });
      const { page, nextCursor } = pageOf(rows, query.limit, (r) => r.updatedAt);
      const orgs = [...new Set(page.map((r) => r.organizationId))];
      const holders = await Promise.all(orgs.map((o) => deps.holders.holderOf(db, o)));
      const holderNames = new Map(orgs.map((o, i) => [o, holders[i]?.name ?? null]));
      return { rows: page, holderNames, total, nextCursor };
    },
  };
}

export type PublicityService = ReturnType<typeof createPublicityService>;
