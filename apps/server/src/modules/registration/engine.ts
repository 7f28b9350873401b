/**
 * What the registration services share: their dependencies, the ports to other modules, and the
 * few steps every case change takes (load with access check, next state, event, subject status).
 */
import { createHash } from 'node:crypto';
import {
  caseMachine,
  DEFAULT_REGIMES,
  type CaseAction,
  type CaseState,
  type DataRight,
  type RegimeSettings,
  type SubjectKind,
} from '@shuliu/core';
import type { Clock } from '../../platform/clock.js';
import type { CredentialIssuer } from '../../platform/credentials/index.js';
import type { Db, Executor, Tx } from '../../platform/db/database.js';
import { recordEvent } from '../../platform/events/events.js';
import { toCanonicalJson } from '../../platform/events/event-hash.js';
import { AppError, conflict, notFound } from '../../platform/http/errors.js';
import { hasPlatformRole, type Principal, type UserPrincipal } from '../../platform/http/principal.js';
import type { Jobs } from '../../platform/jobs/jobs.js';
import type { Logger } from '../../platform/log.js';
import { EVENT_SUBJECTS } from './registration.events.js';
import { READER_ROLES } from './registration.policy.js';
import { registrationRepository as repo, type CaseRow } from './registration.repository.js';
import type { RegistrationListener, SubjectsPort } from './subjects.port.js';

/** A registered participant as the engine needs it (holder, transferee, assessor). */
export interface Holder {
  participantId: string;
  organizationId: string;
  name: string;
  creditCode: string;
  roles: string[];
  /** active | suspended | revoked */
  status: string;
}

/** Participants, as the engine sees them. */
export interface HoldersPort {
  /** The participant an organization registered as, or null. */
  holderOf(db: Executor, organizationId: string): Promise<Holder | null>;
}

/** Memberships, as the engine sees them (accounts' organizations service fits as is). */
export interface MembershipPort {
  roleOf(userId: string, organizationId: string): Promise<string | null>;
  organizationsOf(userId: string): Promise<{ id: string }[]>;
}

/** Attachments, as the engine sees them. */
export interface AttachmentsPort {
  findMany(ids: string[]): Promise<{ id: string; uploadedBy: string }[]>;
}

export interface EngineDeps {
  db: Db;
  clock: Clock;
  jobs: Jobs;
  log: Logger;
  subjects: SubjectsPort;
  listener: RegistrationListener;
  holders: HoldersPort;
  memberships: MembershipPort;
  attachments: AttachmentsPort;
  issuer: CredentialIssuer;
  nodePrefix: string;
  publicUrl: string;
  /** Length of one publicity day (SHULIU_PUBLICITY_DAY_MS). */
  dayMs: number;
}

/** `sha256:<hex>` of the RFC 8785 canonical JSON of a description. */
export function contentHashOf(description: Record<string, unknown>): string {
  return `sha256:${createHash('sha256').update(toCanonicalJson(description), 'utf8').digest('hex')}`;
}

/** The rights a description claims (resources) or relies on (products, through their rights chain). */
export function rightsOfDescription(description: Record<string, unknown>): DataRight[] {
  const rights = new Set<DataRight>();
  const add = (v: unknown) => {
    if (v === 'holding' || v === 'processing' || v === 'operation') rights.add(v);
  };
  if (Array.isArray(description.rights)) description.rights.forEach(add);
  if (Array.isArray(description.rightsChain))
    for (const link of description.rightsChain) add((link as { right?: unknown } | null)?.right);
  return [...rights];
}

/** The name and summary kept in a description. */
export const nameOf = (d: Record<string, unknown>) => (typeof d.name === 'string' ? d.name : '');
export const summaryOf = (d: Record<string, unknown>) => (typeof d.summary === 'string' ? d.summary : '');

/** The regime in force for `kind`: the admin's settings, or the built-in defaults. */
export async function regimeOf(db: Executor, kind: SubjectKind): Promise<RegimeSettings> {
  return (await repo.findRegime(db, kind))?.settings ?? DEFAULT_REGIMES[kind];
}

/** The state `action` leads to, or 409 `registration.illegal_transition`. */
export function nextCaseState(row: Pick<CaseRow, 'state'>, action: CaseAction): CaseState {
  const from = row.state as CaseState;
  const to = caseMachine.next(from, action);
  if (!to) throw conflict('registration.illegal_transition', { from, action });
  return to;
}

/** Records an event about a case. */
export function recordCaseEvent(
  tx: Tx,
  clock: Clock,
  row: CaseRow,
  input: {
    type: string;
    actor: UserPrincipal | null;
    payload?: Record<string, unknown>;
    requestId?: string | null;
  },
) {
  return recordEvent(tx, clock, {
    type: input.type,
    actorId: input.actor?.userId ?? null,
    organizationId: row.organizationId,
    subjectType: EVENT_SUBJECTS.case,
    subjectId: row.id,
    payload: { actorName: input.actor?.displayName ?? null, number: row.number, ...input.payload },
    requestId: input.requestId ?? null,
  });
}

/**
 * Loads a case the caller may see (404 otherwise): members of the applicant organization, of the
 * assigned assessor, and exchange staff. `manage` requires a member of the applicant organization.
 */
export async function loadCaseFor(
  deps: EngineDeps,
  principal: Principal,
  id: string,
  options: { manage?: boolean; tx?: Tx } = {},
): Promise<CaseRow> {
  const row = await repo.findCase(options.tx ?? deps.db, id, Boolean(options.tx));
  if (!row || principal.kind !== 'user') throw notFound('registration.case.not_found');
  const role = await deps.memberships.roleOf(principal.userId, row.organizationId);
  if (options.manage) {
    if (role) return row;
    if (hasPlatformRole(principal, ...READER_ROLES)) throw new AppError('auth.forbidden', 403);
    throw notFound('registration.case.not_found');
  }
  if (role || hasPlatformRole(principal, ...READER_ROLES)) return row;
  if (
    row.assessorOrganizationId &&
    (await deps.memberships.roleOf(principal.userId, row.assessorOrganizationId))
  )
    return row;
  throw notFound('registration.case.not_found');
}

/**
 * Separation of duties: nobody reviews a case of an organization they belong to (applicant,
 * transferee) or that they applied for themselves.
 */
export async function refuseOwnCase(deps: EngineDeps, principal: UserPrincipal, row: CaseRow) {
  const orgs = [row.organizationId, row.transferToOrganizationId].filter((o): o is string => Boolean(o));
  const roles = await Promise.all(orgs.map((o) => deps.memberships.roleOf(principal.userId, o)));
  if (row.applicantId === principal.userId || roles.some(Boolean))
    throw new AppError('auth.forbidden', 403, { reason: 'own_case' });
}

/** Puts the subject back to what it was before the case: registered when a certificate is in force. */
export async function restoreSubjectStatus(deps: EngineDeps, tx: Tx, row: CaseRow) {
  const current = await repo.findCurrentCertificate(tx, row.subjectId);
  await deps.subjects.setStatus(
    tx,
    row.subjectKind as SubjectKind,
    row.subjectId,
    current ? 'registered' : 'draft',
  );
}
