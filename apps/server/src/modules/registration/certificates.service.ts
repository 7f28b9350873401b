/**
 * Certificates (登记证书): issued when publicity ends without an upheld objection, each version a
 * W3C VC signed by the node key and linked to the one it replaces; cancellation, expiry, and the
 * exchange admin's suspension, reinstatement and revocation through the credential's status lists.
 */
import { randomUUID } from 'node:crypto';
import { defineStateMachine, type CaseType, type SubjectKind } from '@shuliu/core';
import type { Executor, Tx } from '../../platform/db/database.js';
import { recordEvent } from '../../platform/events/events.js';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors.js';
import type { UserPrincipal } from '../../platform/http/principal.js';
import { newId } from '../../platform/ids.js';
import { takeNumber } from '../../platform/numbering/numbering.js';
import {
  nameOf,
  nextCaseState,
  recordCaseEvent,
  rightsOfDescription,
  summaryOf,
  type EngineDeps,
} from './engine.js';
import { EVENT_SUBJECTS, REGISTRATION_EVENTS as E } from './registration.events.js';
import {
  registrationRepository as repo,
  type CaseRow,
  type CertificateRow,
} from './registration.repository.js';

type CertificateStatus = 'active' | 'suspended' | 'revoked' | 'superseded' | 'expired' | 'cancelled';
export type CertificateAction = 'suspend' | 'reinstate' | 'revoke';

/** What the exchange admin may do to a certificate in each status. */
export const certificateMachine = defineStateMachine<CertificateStatus, CertificateAction>({
  active: { suspend: 'suspended', revoke: 'revoked' },
  suspended: { reinstate: 'active', revoke: 'revoked' },
  revoked: {},
  superseded: {},
  expired: {},
  cancelled: {},
});

const STATUS_EVENTS: Record<CertificateAction, string> = {
  suspend: E.certificateSuspended,
  reinstate: E.certificateReinstated,
  revoke: E.certificateRevoked,
};

/** Adds whole years (UTC). */
function addYears(date: Date, years: number): Date {
  const d = new Date(date);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}

type StatusEntry = CertificateRow['credentialStatus'][number];
function statusEntriesOf(credential: { credentialStatus?: unknown }): StatusEntry[] {
  const raw = credential.credentialStatus;
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list.map((e) => {
    const entry = e as StatusEntry;
    return {
      statusPurpose: entry.statusPurpose,
      statusListCredential: entry.statusListCredential,
      statusListIndex: entry.statusListIndex,
    };
  });
}

export function createCertificatesService(deps: EngineDeps) {
  const { db, clock, issuer } = deps;

  /** Sets the bit of `purpose` in the certificate's status list. */
  async function flip(tx: Tx, cert: CertificateRow, purpose: 'revocation' | 'suspension', value: boolean) {
    for (const entry of cert.credentialStatus.filter((e) => e.statusPurpose === purpose))
      await issuer.setStatus(tx, {
        statusListCredential: entry.statusListCredential,
        index: Number(entry.statusListIndex),
        purpose,
        value,
      });
  }

  function recordCertificateEvent(
    tx: Tx,
    cert: CertificateRow,
    type: string,
    actor: UserPrincipal | null,
    payload: Record<string, unknown> = {},
    requestId: string | null = null,
  ) {
    return recordEvent(tx, clock, {
      type,
      actorId: actor?.userId ?? null,
      organizationId: cert.organizationId,
      subjectType: EVENT_SUBJECTS.certificate,
      subjectId: cert.id,
      payload: { number: cert.number, actorName: actor?.displayName ?? null, ...payload },
      requestId,
    });
  }

  /** Moves the case that produced `cert` along `action` when the machine allows it. */
  async function endCaseOf(
    tx: Tx,
    cert: CertificateRow,
    action: 'supersede' | 'expire' | 'cancel',
    type: string,
  ) {
    const prior = await repo.findCase(tx, cert.caseId, true);
    if (prior?.state !== 'active') return;
    const updated = await repo.updateCase(tx, prior.id, {
      state: nextCaseState(prior, action),
      updatedAt: clock.now(),
    });
    if (updated)
      await recordCaseEvent(tx, clock, updated, { type, actor: null, payload: { certificate: cert.number } });
  }

  /** Ends a cancellation case: the certificate is cancelled and revoked in its status list. */
  async function cancelRegistration(tx: Tx, row: CaseRow) {
    const current = await repo.findCurrentCertificate(tx, row.subjectId, true);
    const kind = row.subjectKind as SubjectKind;
    if (current) {
      await flip(tx, current, 'revocation', true);
      await repo.updateCertificate(tx, current.id, { status: 'cancelled' });
      await recordCertificateEvent(tx, current, E.certificateCancelled, null, { caseNumber: row.number });
      await endCaseOf(tx, current, 'cancel', E.caseCancelled);
    }
    await deps.subjects.setStatus(tx, kind, row.subjectId, 'cancelled');
    await deps.listener.onSuspendedOrEnded(tx, { kind, subjectId: row.subjectId, reason: 'cancelled' });
    return current ?? null;
  }

  /** Issues the certificate version a case registers, superseding the one in force. */
  async function issueFor(tx: Tx, row: CaseRow, now: Date) {
    const kind = row.subjectKind as SubjectKind;
    const holderOrg = row.transferToOrganizationId ?? row.organizationId;
    const holder = await deps.holders.holderOf(tx, holderOrg);
    if (!holder) throw new Error(`holder organization ${holderOrg} is not a registered participant`);
    const previous = await repo.findCurrentCertificate(tx, row.subjectId, true);
    const years = row.regime.validityYears;
    const caseType = row.caseType as CaseType;
    const keepsValidity = previous && caseType !== 'renewal' && previous.validUntil.getTime() > now.getTime();
    const validUntil = keepsValidity
      ? previous.validUntil
      : addYears(previous && previous.validUntil > now ? previous.validUntil : now, years);
    const subject = await deps.subjects.load(tx, kind, row.subjectId);
    const described = rightsOfDescription(row.description);
    const rights = described.length > 0 ? described : (subject?.rights ?? []);
    const number = await takeNumber(tx, deps.nodePrefix, 'RC', now.getUTCFullYear());
    const id = newId('crt');
    const version = (previous?.certificateVersion ?? 0) + 1;
    const credentialId = `urn:uuid:${randomUUID()}`;
    const issued = await issuer.issue(tx, {
      id: credentialId,
      types: ['DataRegistrationCertificate'],
      validUntil,
      subject: {
        id: `${deps.publicUrl}/api/registration/certificates/${number}`,
        type: 'DataRegistration',
        certificateNumber: number,
        certificateVersion: version,
        caseNumber: row.number,
        caseType,
        subjectKind: kind,
        subjectId: row.subjectId,
        subjectName: nameOf(row.description),
        summary: summaryOf(row.description),
        holder: {
          name: holder.name,
          unifiedSocialCreditCode: holder.creditCode,
          participantId: holder.participantId,
        },
        rights,
        contentHash: row.contentHash,
        previousCertificate: previous?.number ?? null,
      },
    });
    const cert = await repo.insertCertificate(tx, {
      id,
      number,
      caseId: row.id,
      subjectKind: kind,
      subjectId: row.subjectId,
      organizationId: holderOrg,
      holderName: holder.name,
      holderCreditCode: holder.creditCode,
      subjectName: nameOf(row.description),
      rights,
      contentHash: row.contentHash,
      certificateVersion: version,
      previousCertificateId: previous?.id ?? null,
      credentialId,
      credentialJwt: issued.jwt,
      credentialStatus: statusEntriesOf(issued.credential),
      status: 'active',
      validFrom: now,
      validUntil,
      issuedAt: now,
    });
    if (!cert) throw new Error('certificate insert returned nothing');
    if (previous) {
      await repo.updateCertificate(tx, previous.id, { status: 'superseded' });
      await recordCertificateEvent(tx, previous, E.certificateSuperseded, null, { by: number });
      await endCaseOf(tx, previous, 'supersede', E.caseSuperseded);
    }
    await recordCertificateEvent(tx, cert, E.certificateIssued, null, {
      caseNumber: row.number,
      version,
      previous: previous?.number ?? null,
      contentHash: row.contentHash,
    });
    await deps.subjects.applyCertified(tx, kind, row.subjectId, {
      description: row.description,
      contentHash: row.contentHash,
      certificateId: id,
      organizationId: holderOrg,
    });
    await deps.subjects.setStatus(tx, kind, row.subjectId, 'registered');
    await deps.listener.onCertified(tx, {
      kind,
      subjectId: row.subjectId,
      certificateId: id,
      certificateNumber: number,
    });
    return cert;
  }

  return {
    /**
     * Certifies a case whose publicity has ended, in one transaction under the case's row lock; does
     * nothing when the case is no longer in publicity or its time has not come (idempotent, so the
     * job and the sweep may both call it).
     */
    async certifyIfDue(caseId: string): Promise<CaseRow | null> {
      return db.transaction(async (tx) => {
        const row = await repo.findCase(tx, caseId, true);
        const now = clock.now();
        if (
          row?.state !== 'publicity' ||
          !row.publicityEndsAt ||
          row.publicityEndsAt.getTime() > now.getTime()
        )
          return null;
        const certified = nextCaseState(row, 'certify');
        const isCancellation = row.caseType === 'cancellation';
        const cert = isCancellation ? await cancelRegistration(tx, row) : await issueFor(tx, row, now);
        let updated = await repo.updateCase(tx, row.id, {
          state: certified,
          certificateId: cert?.id ?? null,
          decidedAt: now,
          updatedAt: now,
        });
        if (!updated) throw new Error('case vanished while certifying');
        await recordCaseEvent(tx, clock, updated, {
          type: E.caseCertified,
          actor: null,
          payload: { certificate: cert?.number ?? null, from: row.state, to: certified },
        });
        if (!isCancellation) {
          // A certificate is in force at once: certified → active in the same transaction.
          updated = await repo.updateCase(tx, row.id, {
            state: nextCaseState(updated, 'activate'),
            updatedAt: now,
          });
          if (!updated) throw new Error('case vanished while certifying');
          await recordCaseEvent(tx, clock, updated, {
            type: E.caseActivated,
            actor: null,
            payload: { certificate: cert?.number ?? null },
          });
        }
        return updated;
      });
    },

    /** Certifies every case whose publicity has ended (the minute sweep). Returns how many. */
    async sweepPublicity(): Promise<number> {
      let n = 0;
      for (const id of await repo.duePublicityCaseIds(db, clock.now())) {
        if (await this.certifyIfDue(id)) n += 1;
      }
      return n;
    },

    /** Marks certificates past their validity expired (the daily job). Returns how many. */
    async expireDue(): Promise<number> {
      let n = 0;
      for (const id of await repo.expiredCertificateIds(db, clock.now())) {
        const isExpired = await db.transaction(async (tx) => {
          const cert = await repo.lockCertificate(tx, id);
          if (cert?.status !== 'active' || cert.validUntil.getTime() > clock.now().getTime()) return false;
          const kind = cert.subjectKind as SubjectKind;
          await repo.updateCertificate(tx, cert.id, { status: 'expired' });
          await recordCertificateEvent(tx, cert, E.certificateExpired, null);
          await endCaseOf(tx, cert, 'expire', E.caseExpired);
          await deps.subjects.setStatus(tx, kind, cert.subjectId, 'expired');
          await deps.listener.onSuspendedOrEnded(tx, { kind, subjectId: cert.subjectId, reason: 'expired' });
          return true;
        });
        if (isExpired) n += 1;
      }
      return n;
    },

    /** The exchange admin suspends, reinstates or revokes a certificate (status-list bits follow). */
    async changeStatus(
      principal: UserPrincipal,
      number: string,
      action: CertificateAction,
      reason: string | null,
      requestId: string | null,
    ): Promise<CertificateRow> {
      if (action !== 'reinstate' && (!reason || reason.trim().length < 2))
        throw badRequest('registration.reason_required');
      return db.transaction(async (tx) => {
        const cert = await repo.findCertificateByNumber(tx, number, true);
        if (!cert) throw notFound('registration.certificate.not_found');
        // Separation of duties, as for cases: nobody acts on their own organization's certificate.
        if (await deps.memberships.roleOf(principal.userId, cert.organizationId))
          throw new AppError('auth.forbidden', 403, { reason: 'own_case' });
        const from = cert.status as CertificateStatus;
        const to = certificateMachine.next(from, action);
        if (!to) throw conflict('registration.certificate.illegal_transition', { from, action });
        const kind = cert.subjectKind as SubjectKind;
        if (action === 'revoke') await flip(tx, cert, 'revocation', true);
        else await flip(tx, cert, 'suspension', action === 'suspend');
        await repo.updateCertificate(tx, cert.id, { status: to });
        await recordCertificateEvent(
          tx,
          cert,
          STATUS_EVENTS[action],
          principal,
          { from, to, reason },
          requestId,
        );
        if (action === 'revoke') {
          await endCaseOf(tx, cert, 'cancel', E.caseCancelled);
          await deps.subjects.setStatus(tx, kind, cert.subjectId, 'cancelled');
          await deps.listener.onSuspendedOrEnded(tx, { kind, subjectId: cert.subjectId, reason: 'revoked' });
        } else if (action === 'suspend') {
          await deps.listener.onSuspendedOrEnded(tx, {
            kind,
            subjectId: cert.subjectId,
            reason: 'suspended',
          });
        } else {
          await deps.listener.onReinstated(tx, { kind, subjectId: cert.subjectId });
        }
        return { ...cert, status: to };
      });
    },

    /** A certificate by number, with every version of its subject's certificate. */
    async get(number: string) {
      const cert = await repo.findCertificateByNumber(db, number);
      if (!cert) throw notFound('registration.certificate.not_found');
      return { cert, versions: await repo.certificatesOf(db, cert.subjectId) };
    },

    /** Every certificate version of a subject, oldest first. */
    history: (subjectId: string) => repo.certificatesOf(db, subjectId),

    /** The certificate in force (active or suspended) for a subject, for other modules to show. */
    currentOf: (subjectId: string, executor: Executor = db) => repo.findCurrentCertificate(executor, subjectId),

    /** A certificate by id, for other modules to show. */
    byId: (id: string, executor: Executor = db) => repo.findCertificate(executor, id),
  };
}

export type CertificatesService = ReturnType<typeof createCertificatesService>;
