/**
 * Registration applications (一主体一登记): submit, correct and resubmit, withdraw, and the reviewer's
 * decisions. Approval registers the participant and issues its credential in the same transaction.
 */
import {
  applicationMachine,
  divisionOfCreditCode,
  findCreditCodeProblem,
  isValidDivisionCode,
  normalizeCreditCode,
  requiredCommitments,
  type ApplicationAction,
  type ApplicationState,
  type ParticipantRole,
} from '@shuliu/core';
import type { Clock } from '../../platform/clock.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { listEventsOf, recordEvent } from '../../platform/events/events.js';
import { decodeCursor, pageOf } from '../../platform/http/cursor.js';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors.js';
import { hasPlatformRole, type Principal, type UserPrincipal } from '../../platform/http/principal.js';
import { newId } from '../../platform/ids.js';
import type { AttachmentsService } from '../attachments/index.js';
import type { OrganizationsService } from '../accounts/index.js';
import type { ApplicationRequest } from './participants.schemas.js';
import { PARTICIPANTS_EVENTS as E, HISTORY_ACTIONS } from './participants.events.js';
import {
  isUniqueViolation,
  participantsRepository as repo,
  type ApplicationRow,
} from './participants.repository.js';
import type { RegisterParticipant } from './participants.service.js';

const STAFF = ['exchange_admin', 'exchange_reviewer', 'regulator'] as const;
const ACTION_EVENTS: Record<ApplicationAction, string> = {
  approve: E.applicationApproved,
  reject: E.applicationRejected,
  return: E.applicationReturned,
  resubmit: E.applicationResubmitted,
  withdraw: E.applicationWithdrawn,
};

/** Checks what the schema cannot: credit code, division, commitments, subtypes. Returns the cleaned input. */
export function checkApplication(input: ApplicationRequest) {
  const creditCode = normalizeCreditCode(input.creditCode);
  const problem = findCreditCodeProblem(creditCode);
  if (problem) throw badRequest('participants.credit_code.invalid', { problem, field: 'creditCode' });
  if (!isValidDivisionCode(input.divisionCode))
    throw badRequest('participants.division_code.invalid', { field: 'divisionCode' });
  const missing = requiredCommitments(input.roles).filter((c) => !input.commitments.includes(c));
  if (missing.length > 0) throw badRequest('participants.commitments.missing', { missing });
  const roles = [...new Set(input.roles)];
  const merchantSubtypes = roles.includes('merchant') ? [...new Set(input.merchantSubtypes)] : [];
  const serviceTypes = roles.includes('service') ? [...new Set(input.serviceTypes)] : [];
  const issues: { path: string; message: string }[] = [];
  if (roles.includes('merchant') && merchantSubtypes.length === 0)
    issues.push({ path: 'merchantSubtypes', message: 'choose at least one merchant subtype' });
  if (roles.includes('service') && serviceTypes.length === 0)
    issues.push({ path: 'serviceTypes', message: 'choose at least one service type' });
  if (issues.length > 0) throw badRequest('http.validation_failed', { issues });
  return {
    creditCode,
    name: input.name,
    entityType: input.entityType,
    legalRepresentative: input.legalRepresentative,
    address: input.address,
    divisionCode: input.divisionCode,
    contactName: input.contact.name,
    contactPhone: input.contact.phone,
    contactEmail: input.contact.email.toLowerCase(),
    roles,
    merchantSubtypes,
    serviceTypes,
    commitments: [...new Set(input.commitments)],
    attachmentIds: [...new Set(input.attachmentIds)],
    /** The division embedded in the code, kept for the reviewer to compare with the declared one. */
    codeDivision: divisionOfCreditCode(creditCode),
  };
}

export function createApplicationsService(deps: {
  db: Db;
  clock: Clock;
  organizations: OrganizationsService;
  attachments: AttachmentsService;
  registerParticipant: RegisterParticipant;
}) {
  const { db, clock, organizations } = deps;

  async function checkAttachments(principal: UserPrincipal, ids: string[]) {
    const found = await deps.attachments.findMany(ids);
    const usable = new Set(found.filter((a) => a.uploadedBy === principal.userId).map((a) => a.id));
    const unknown = ids.filter((id) => !usable.has(id));
    if (unknown.length > 0)
      throw badRequest('http.validation_failed', {
        issues: [{ path: 'attachmentIds', message: `unknown attachments: ${unknown.join(', ')}` }],
      });
  }

  async function refuseTakenCode(tx: Tx, creditCode: string, exceptApplicationId?: string) {
    const live = await repo.findLiveByCreditCode(tx, creditCode);
    if (live && !(live.kind === 'application' && live.id === exceptApplicationId))
      throw conflict('participants.credit_code.taken', { creditCode });
  }

  /** Loads an application the caller may see (404 otherwise); `manage` requires applicant or org owner/admin. */
  async function loadFor(
    principal: Principal,
    id: string,
    options: { manage?: boolean; tx?: Tx } = {},
  ): Promise<ApplicationRow> {
    const row = await repo.findApplication(options.tx ?? db, id, Boolean(options.tx));
    if (!row || principal.kind !== 'user') throw notFound('participants.application.not_found');
    const isApplicant = row.applicantId === principal.userId;
    const role = isApplicant ? null : await organizations.roleOf(principal.userId, row.organizationId);
    if (options.manage) {
      if (isApplicant || role === 'owner' || role === 'admin') return row;
      if (role === 'member' || hasPlatformRole(principal, ...STAFF))
        throw new AppError('auth.forbidden', 403);
      throw notFound('participants.application.not_found');
    }
    if (isApplicant || role || hasPlatformRole(principal, ...STAFF)) return row;
    throw notFound('participants.application.not_found');
  }

  function nextState(row: ApplicationRow, action: ApplicationAction): ApplicationState {
    const from = row.state as ApplicationState;
    const to = applicationMachine.next(from, action);
    if (!to) throw conflict('participants.application.illegal_transition', { from, action });
    return to;
  }

  const eventBase = (principal: UserPrincipal, row: ApplicationRow, requestId: string | null) => ({
    actorId: principal.userId,
    organizationId: row.organizationId,
    subjectType: 'participant_application',
    subjectId: row.id,
    requestId,
  });

  return {
    /** Submits an application, creating the applicant's organization unless an existing one is named. */
    async submit(
      principal: UserPrincipal,
      input: ApplicationRequest,
      requestId: string | null,
    ): Promise<ApplicationRow> {
      const { codeDivision: _, ...fields } = checkApplication(input);
      await checkAttachments(principal, fields.attachmentIds);
      try {
        return await db.transaction(async (tx) => {
          await refuseTakenCode(tx, fields.creditCode);
          let organizationId: string;
          if (input.organizationId) {
            const role = await organizations.roleOf(principal.userId, input.organizationId);
            if (role !== 'owner' && role !== 'admin') throw notFound('accounts.organization.not_found');
            organizationId = input.organizationId;
            if (await repo.hasLiveApplication(tx, organizationId))
              throw conflict('participants.organization.already_applied');
          } else {
            organizationId = (
              await organizations.createOrganization(
                tx,
                { name: fields.name, createdBy: principal.userId },
                requestId,
              )
            ).id;
          }
          // Times from the node's clock (millisecond precision), the same precision the list cursors carry.
          const now = clock.now();
          const row = await repo.insertApplication(tx, {
            id: newId('app'),
            createdAt: now,
            updatedAt: now,
            organizationId,
            applicantId: principal.userId,
            state: 'submitted',
            ...fields,
          });
          if (!row) throw new Error('application insert returned nothing');
          await recordEvent(tx, clock, {
            type: E.applicationSubmitted,
            ...eventBase(principal, row, requestId),
            payload: { actorName: principal.displayName, creditCode: row.creditCode, roles: row.roles },
          });
          return row;
        });
      } catch (error) {
        if (isUniqueViolation(error, 'participant_applications_live_credit_code_key'))
          throw conflict('participants.credit_code.taken', { creditCode: fields.creditCode });
        if (isUniqueViolation(error, 'participant_applications_live_organization_key'))
          throw conflict('participants.organization.already_applied');
        throw error;
      }
    },

    /** Corrects a returned application (state stays `returned` until resubmitted). */
    async correct(
      principal: UserPrincipal,
      id: string,
      input: ApplicationRequest,
      requestId: string | null,
    ): Promise<ApplicationRow> {
      const { codeDivision: _, ...fields } = checkApplication(input);
      await checkAttachments(principal, fields.attachmentIds);
      try {
        return await db.transaction(async (tx) => {
          const row = await loadFor(principal, id, { manage: true, tx });
          if (row.state !== 'returned')
            throw conflict('participants.application.illegal_transition', {
              from: row.state,
              action: 'correct',
            });
          if (fields.creditCode !== row.creditCode) await refuseTakenCode(tx, fields.creditCode, row.id);
          const updated = await repo.updateApplication(tx, row.id, { ...fields, updatedAt: clock.now() });
          if (!updated) throw notFound('participants.application.not_found');
          await recordEvent(tx, clock, {
            type: E.applicationCorrected,
            ...eventBase(principal, row, requestId),
            payload: { actorName: principal.displayName },
          });
          return updated;
        });
      } catch (error) {
        if (isUniqueViolation(error, 'participant_applications_live_credit_code_key'))
          throw conflict('participants.credit_code.taken', { creditCode: fields.creditCode });
        throw error;
      }
    },

    /** Applies `action` to an application: the applicant's resubmit/withdraw or the reviewer's decisions. */
    async act(
      principal: UserPrincipal,
      id: string,
      action: ApplicationAction,
      note: string | null,
      requestId: string | null,
    ): Promise<ApplicationRow> {
      const byReviewer = action === 'approve' || action === 'reject' || action === 'return';
      if ((action === 'reject' || action === 'return') && !note)
        throw badRequest('participants.application.reason_required');
      return db.transaction(async (tx) => {
        const row = byReviewer
          ? await repo.findApplication(tx, id, true)
          : await loadFor(principal, id, { manage: true, tx });
        if (!row) throw notFound('participants.application.not_found');
        // Separation of duties: nobody reviews an application they or their organization made.
        if (
          byReviewer &&
          (row.applicantId === principal.userId ||
            (await organizations.roleOf(principal.userId, row.organizationId)))
        ) {
          throw new AppError('auth.forbidden', 403, { reason: 'own_application' });
        }
        const state = nextState(row, action);
        let participantId: string | null = row.participantId;
        if (action === 'approve')
          participantId = await deps.registerParticipant(tx, row, principal, requestId);
        const updated = await repo.updateApplication(tx, row.id, {
          state,
          participantId,
          updatedAt: clock.now(),
          ...(byReviewer ? { reviewNote: note } : {}),
        });
        if (!updated) throw notFound('participants.application.not_found');
        await recordEvent(tx, clock, {
          type: ACTION_EVENTS[action],
          ...eventBase(principal, row, requestId),
          payload: { actorName: principal.displayName, note, from: row.state, to: state },
        });
        return updated;
      });
    },

    /** One application the caller may see, with its timeline from the event log. */
    async get(principal: Principal, id: string) {
      const row = await loadFor(principal, id);
      const [events, files] = await Promise.all([
        listEventsOf(db, 'participant_application', id),
        deps.attachments.findMany(row.attachmentIds),
      ]);
      const history = events.flatMap((e) => {
        const action = HISTORY_ACTIONS[e.type];
        if (!action) return [];
        const payload = e.payload as { actorName?: string; note?: string | null };
        return [
          {
            action,
            actorName: payload.actorName ?? null,
            note: payload.note ?? null,
            at: e.occurredAt.toISOString(),
          },
        ];
      });
      return { row, history, files };
    },

    /**
     * The caller's applications, or the whole queue for exchange staff; filtered by state, role and a
     * name or credit-code fragment, with the count matching the filters.
     */
    async list(
      principal: UserPrincipal,
      query: {
        scope: 'mine' | 'queue';
        state?: ApplicationState;
        q?: string;
        role?: ParticipantRole;
        cursor?: string;
        limit: number;
      },
    ) {
      const cursor = decodeCursor(query.cursor);
      if (query.scope === 'queue' && !hasPlatformRole(principal, ...STAFF))
        throw new AppError('auth.forbidden', 403, { scope: 'queue' });
      const organizationIds =
        query.scope === 'mine'
          ? (await organizations.organizationsOf(principal.userId)).map((o) => o.id)
          : undefined;
      const { rows, total } = await repo.listApplications(db, {
        ...(query.scope === 'mine' ? { applicantId: principal.userId, organizationIds } : {}),
        state: query.state,
        q: query.q,
        role: query.role,
        cursor,
        limit: query.limit,
      });
      const { page, nextCursor } = pageOf(rows, query.limit, (a) => a.createdAt);
      return { rows: page, total, nextCursor };
    },
  };
}

export type ApplicationsService = ReturnType<typeof createApplicationsService>;
