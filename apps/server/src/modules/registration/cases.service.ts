/**
 * Registration cases (登记申请): opening a case, submitting it, the reviewer's steps up to publicity,
 * return for correction, rejection and withdrawal. Publicity, objections and certification are in
 * publicity.service.ts and certificates.service.ts.
 */
import { randomBytes } from 'node:crypto';
import { OPEN_CASE_STATES, type CaseType, type RegimeSettings, type SubjectKind } from '@shuliu/core';
import { takeNumber } from '../../platform/numbering/numbering.js';
import { badRequest, conflict, notFound } from '../../platform/http/errors.js';
import type { UserPrincipal } from '../../platform/http/principal.js';
import { newId } from '../../platform/ids.js';
import type { Tx } from '../../platform/db/database.js';
import {
  contentHashOf,
  loadCaseFor,
  nextCaseState,
  recordCaseEvent,
  refuseOwnCase,
  regimeOf,
  restoreSubjectStatus,
  type EngineDeps,
} from './engine.js';
import type { PublicityService } from './publicity.service.js';
import { REGISTRATION_EVENTS as E } from './registration.events.js';
import {
  isUniqueViolation,
  registrationRepository as repo,
  type CaseRow,
} from './registration.repository.js';
import type { ChecklistEntry } from './registration.tables.js';
import type { CreateCaseInput } from './registration.schemas.js';

const BASE32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random 12-character result query code (查询码), ~60 bits. */
export function newQueryCode(): string {
  return Array.from(randomBytes(12), (b) => BASE32.charAt(b % BASE32.length)).join('');
}

/** Reviewer steps before publicity, as route verbs. */
export const REVIEW_ACTIONS = {
  accept: { action: 'accept', event: E.caseAccepted },
  'formal-review': { action: 'start_formal_review', event: E.caseFormalReviewStarted },
  'substantive-review': { action: 'start_substantive_review', event: E.caseSubstantiveReviewStarted },
  return: { action: 'return', event: E.caseReturned },
  reject: { action: 'reject', event: E.caseRejected },
} as const;
export type ReviewVerb = keyof typeof REVIEW_ACTIONS;

/** Case types that propose a new description (checked by the subject's owner module). */
const proposesDescription = (t: CaseType) => t === 'initial' || t === 'change' || t === 'correction';

export function createCasesService(deps: EngineDeps, publicity: PublicityService) {
  const { db, clock, subjects } = deps;

  /** Snapshots description, hash, regime and checklist, and locks the subject as `registering`. */
  async function snapshot(tx: Tx, row: CaseRow): Promise<Partial<CaseRow>> {
    const kind = row.subjectKind as SubjectKind;
    const subject = await subjects.load(tx, kind, row.subjectId);
    if (!subject) throw notFound('registration.subject.not_found');
    const caseType = row.caseType as CaseType;
    if (proposesDescription(caseType)) await subjects.checkSubmittable(tx, subject);
    const description = proposesDescription(caseType)
      ? subject.description
      : (subject.registeredDescription ?? subject.description);
    const regime: RegimeSettings = await regimeOf(tx, kind);
    const checklist: ChecklistEntry[] = regime.checklist.map((item) => ({
      key: item.key,
      verdict: 'pending',
      note: '',
      attachmentIds: [],
    }));
    await subjects.setStatus(tx, kind, row.subjectId, 'registering');
    return { description, contentHash: contentHashOf(description), regime, checklist };
  }

  return {
    /** Opens a case (draft) for a subject of one of the caller's organizations. */
    async create(principal: UserPrincipal, input: CreateCaseInput, requestId: string | null) {
      try {
        return await db.transaction(async (tx) => {
          const subject = await subjects.load(tx, input.subjectKind, input.subjectId);
          const role = subject
            ? await deps.memberships.roleOf(principal.userId, subject.organizationId)
            : null;
          if (!subject || !role) throw notFound('registration.subject.not_found');
          const holder = await deps.holders.holderOf(tx, subject.organizationId);
          if (holder?.status !== 'active') throw conflict('registration.holder_not_registered');
          const open = await repo.findOpenCase(tx, subject.id, OPEN_CASE_STATES);
          if (open) throw conflict('registration.case_open', { number: open.number, caseId: open.id });
          const current = await repo.findCurrentCertificate(tx, subject.id);
          const isAllowed =
            input.caseType === 'initial'
              ? !subject.registeredDescription && !(await repo.hasAnyCertificate(tx, subject.id))
              : subject.status === 'registered' && current?.status === 'active';
          if (!isAllowed)
            throw conflict('registration.case_type_not_allowed', {
              caseType: input.caseType,
              status: current?.status === 'suspended' ? 'suspended' : subject.status,
            });
          let transferTo: string | null = null;
          if (input.caseType === 'transfer') {
            const target = input.transferToOrganizationId
              ? await deps.holders.holderOf(tx, input.transferToOrganizationId)
              : null;
            if (target?.status !== 'active' || target.organizationId === subject.organizationId)
              throw badRequest('registration.transfer_target_invalid');
            transferTo = target.organizationId;
          }
          const now = clock.now();
          const regime = await regimeOf(tx, input.subjectKind);
          const row = await repo.insertCase(tx, {
            id: newId('case'),
            number: await takeNumber(tx, deps.nodePrefix, 'DJ', now.getUTCFullYear()),
            subjectKind: input.subjectKind,
            subjectId: subject.id,
            caseType: input.caseType,
            state: 'draft',
            organizationId: subject.organizationId,
            applicantId: principal.userId,
            regime,
            description: subject.description,
            contentHash: contentHashOf(subject.description),
            transferToOrganizationId: transferTo,
            checklist: [],
            previousCaseId: current?.caseId ?? null,
            queryCode: newQueryCode(),
            createdAt: now,
            updatedAt: now,
          });
          if (!row) throw new Error('case insert returned nothing');
          await recordCaseEvent(tx, clock, row, {
            type: E.caseCreated,
            actor: principal,
            payload: { caseType: row.caseType, subjectKind: row.subjectKind, subjectId: row.subjectId },
            requestId,
          });
          return row;
        });
      } catch (error) {
        if (isUniqueViolation(error, 'registration_cases_open_subject_key'))
          throw conflict('registration.case_open', { number: '' });
        throw error;
      }
    },

    /** The applicant's submit (from draft) or resubmit (after return), withdraw (draft or returned). */
    async applicantAct(
      principal: UserPrincipal,
      id: string,
      verb: 'submit' | 'resubmit' | 'withdraw',
      requestId: string | null,
    ) {
      return db.transaction(async (tx) => {
        const row = await loadCaseFor(deps, principal, id, { manage: true, tx });
        const state = nextCaseState(row, verb);
        const now = clock.now();
        const patch: Partial<CaseRow> =
          verb === 'withdraw' ? { decidedAt: now } : { ...(await snapshot(tx, row)), submittedAt: now };
        if (verb === 'withdraw' && row.state !== 'draft') await restoreSubjectStatus(deps, tx, row);
        const updated = await repo.updateCase(tx, row.id, { ...patch, state, updatedAt: now });
        if (!updated) throw notFound('registration.case.not_found');
        const type = { submit: E.caseSubmitted, resubmit: E.caseResubmitted, withdraw: E.caseWithdrawn }[
          verb
        ];
        await recordCaseEvent(tx, clock, updated, {
          type,
          actor: principal,
          payload: { from: row.state, to: state, contentHash: updated.contentHash },
          requestId,
        });
        return updated;
      });
    },

    /** A reviewer's step: accept, start formal or substantive review, return or reject. */
    async review(
      principal: UserPrincipal,
      id: string,
      verb: ReviewVerb,
      reason: string | null,
      requestId: string | null,
    ) {
      const { action, event } = REVIEW_ACTIONS[verb];
      if ((verb === 'return' || verb === 'reject') && (!reason || reason.trim().length < 2))
        throw badRequest('registration.reason_required');
      return db.transaction(async (tx) => {
        const row = await repo.findCase(tx, id, true);
        if (!row) throw notFound('registration.case.not_found');
        await refuseOwnCase(deps, principal, row);
        const state = nextCaseState(row, action);
        if (action === 'start_substantive_review' && !row.regime.substantiveReview)
          throw conflict('registration.substantive_review_not_required');
        const now = clock.now();
        if (verb === 'return' || verb === 'reject') await restoreSubjectStatus(deps, tx, row);
        const updated = await repo.updateCase(tx, row.id, {
          state,
          updatedAt: now,
          ...(reason ? { reviewNote: reason } : {}),
          ...(verb === 'reject' ? { decidedAt: now } : {}),
        });
        if (!updated) throw notFound('registration.case.not_found');
        await recordCaseEvent(tx, clock, updated, {
          type: event,
          actor: principal,
          payload: { from: row.state, to: state, note: reason },
          requestId,
        });
        return updated;
      });
    },

    /** Starts publicity (see publicity.service.ts), after the same independence check. */
    startPublicity: (principal: UserPrincipal, id: string, requestId: string | null) =>
      publicity.start(principal, id, requestId),

    /** The result of a query code (public): the state only. */
    async query(code: string) {
      const row = await repo.findCaseByQueryCode(db, code);
      if (!row) throw notFound('registration.query_code.not_found');
      return row;
    },
  };
}

export type CasesService = ReturnType<typeof createCasesService>;
