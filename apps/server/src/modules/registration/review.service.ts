/**
 * Compliance review (合规审查): the reviewer completes the checklist item by item with evidence and a
 * verdict; a third-party service body may be assigned, whose members attach the assessment report.
 */
import { PROHIBITED_CATEGORIES } from '@shuliu/core';
import type { Tx } from '../../platform/db/database.js';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors.js';
import type { UserPrincipal } from '../../platform/http/principal.js';
import { recordCaseEvent, refuseOwnCase, type EngineDeps } from './engine.js';
import { REGISTRATION_EVENTS as E } from './registration.events.js';
import { registrationRepository as repo } from './registration.repository.js';
import type { ChecklistUpdateInput } from './registration.schemas.js';
import type { ChecklistEntry } from './registration.tables.js';

/** States in which the reviewer works on the checklist and the assessment. */
const REVIEW_STATES = ['accepted', 'formal_review', 'substantive_review'];

/** Keys of the prohibited categories not answered "excluded" (false). */
export function unexcludedCategories(answers: Record<string, boolean> | undefined): string[] {
  return PROHIBITED_CATEGORIES.filter((c) => answers?.[c] !== false);
}

export function createReviewService(deps: EngineDeps) {
  const { db, clock } = deps;

  /** Refuses attachment ids that do not exist (or, with `uploadedBy`, were uploaded by someone else). */
  async function checkAttachments(ids: string[], uploadedBy?: string) {
    const found = await deps.attachments.findMany(ids);
    const usable = new Set(found.filter((a) => !uploadedBy || a.uploadedBy === uploadedBy).map((a) => a.id));
    const unknown = ids.filter((id) => !usable.has(id));
    if (unknown.length > 0)
      throw badRequest('http.validation_failed', {
        issues: [{ path: 'attachmentIds', message: `unknown attachments: ${unknown.join(', ')}` }],
      });
  }

  /** Loads a case under review for an independent reviewer, or fails. */
  async function loadForReview(tx: Tx, principal: UserPrincipal, id: string, action: string) {
    const row = await repo.findCase(tx, id, true);
    if (!row) throw notFound('registration.case.not_found');
    await refuseOwnCase(deps, principal, row);
    if (!REVIEW_STATES.includes(row.state))
      throw conflict('registration.illegal_transition', { from: row.state, action });
    return row;
  }

  return {
    /** Records the verdict, note, evidence and (tradability) answers of one checklist item. */
    async updateItem(
      principal: UserPrincipal,
      id: string,
      key: string,
      input: ChecklistUpdateInput,
      requestId: string | null,
    ) {
      const attachmentIds = [...new Set(input.attachmentIds)];
      await checkAttachments(attachmentIds);
      if (key === 'tradability' && input.verdict === 'pass') {
        const missing = unexcludedCategories(input.answers);
        if (missing.length > 0)
          throw badRequest('registration.tradability_unanswered', { missing: missing.join(', ') });
      }
      return db.transaction(async (tx) => {
        const row = await loadForReview(tx, principal, id, 'update_checklist');
        if (!row.checklist.some((e) => e.key === key))
          throw notFound('registration.checklist_item.not_found', { key });
        const now = clock.now();
        const entry: ChecklistEntry = {
          key,
          verdict: input.verdict,
          note: input.note,
          attachmentIds,
          ...(input.answers ? { answers: input.answers } : {}),
          checkedBy: principal.userId,
          checkedAt: now.toISOString(),
        };
        const updated = await repo.updateCase(tx, row.id, {
          checklist: row.checklist.map((e) => (e.key === key ? entry : e)),
          updatedAt: now,
        });
        if (!updated) throw notFound('registration.case.not_found');
        await recordCaseEvent(tx, clock, updated, {
          type: E.caseChecklistUpdated,
          actor: principal,
          payload: {
            key,
            verdict: input.verdict,
            note: input.note,
            attachmentIds,
            answers: input.answers ?? null,
          },
          requestId,
        });
        return updated;
      });
    },

    /** Assigns a third-party service body (an active participant with the service role). */
    async assignAssessor(
      principal: UserPrincipal,
      id: string,
      organizationId: string,
      requestId: string | null,
    ) {
      return db.transaction(async (tx) => {
        const row = await loadForReview(tx, principal, id, 'assign_assessor');
        const assessor = await deps.holders.holderOf(tx, organizationId);
        if (
          assessor?.status !== 'active' ||
          !assessor.roles.includes('service') ||
          organizationId === row.organizationId
        )
          throw badRequest('registration.assessor_invalid');
        const updated = await repo.updateCase(tx, row.id, {
          assessorOrganizationId: organizationId,
          assessmentAttachmentIds: [],
          updatedAt: clock.now(),
        });
        if (!updated) throw notFound('registration.case.not_found');
        await recordCaseEvent(tx, clock, updated, {
          type: E.caseAssessorAssigned,
          actor: principal,
          payload: { assessorOrganizationId: organizationId, assessorName: assessor.name },
          requestId,
        });
        return updated;
      });
    },

    /** A member of the assigned service body attaches its assessment report. */
    async attachAssessment(
      principal: UserPrincipal,
      id: string,
      attachmentIds: string[],
      requestId: string | null,
    ) {
      const ids = [...new Set(attachmentIds)];
      await checkAttachments(ids, principal.userId);
      return db.transaction(async (tx) => {
        const row = await repo.findCase(tx, id, true);
        const isAssessor =
          row?.assessorOrganizationId &&
          (await deps.memberships.roleOf(principal.userId, row.assessorOrganizationId));
        if (!row || !isAssessor) {
          if (row && (await deps.memberships.roleOf(principal.userId, row.organizationId)))
            throw new AppError('auth.forbidden', 403, { reason: 'not_assessor' });
          throw notFound('registration.case.not_found');
        }
        if (!REVIEW_STATES.includes(row.state))
          throw conflict('registration.illegal_transition', { from: row.state, action: 'attach_assessment' });
        const updated = await repo.updateCase(tx, row.id, {
          assessmentAttachmentIds: ids,
          updatedAt: clock.now(),
        });
        if (!updated) throw notFound('registration.case.not_found');
        await recordCaseEvent(tx, clock, updated, {
          type: E.caseAssessmentAttached,
          actor: principal,
          payload: { attachmentIds: ids },
          requestId,
        });
        return updated;
      });
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
