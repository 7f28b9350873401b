/**
 * Registered participants: registration on approval (with the participant credential), the public
 * directory, and suspension, reinstatement and revocation through the credential's status lists.
 */
import { randomUUID } from 'node:crypto';
import { participantMachine, type ParticipantAction, type ParticipantState } from '@shuliu/core';
import type { Clock } from '../../platform/clock.js';
import type { Db, Executor, Tx } from '../../platform/db/database.js';
import { recordEvent } from '../../platform/events/events.js';
import { decodeCursor, pageOf } from '../../platform/http/cursor.js';
import { badRequest, conflict, notFound } from '../../platform/http/errors.js';
import type { UserPrincipal } from '../../platform/http/principal.js';
import { newId } from '../../platform/ids.js';
import { takeNumber } from '../../platform/numbering/numbering.js';
import type { OrganizationsService } from '../accounts/index.js';
import { PARTICIPANTS_EVENTS as E } from './participants.events.js';
import {
  participantsRepository as repo,
  type ApplicationRow,
  type ParticipantRow,
} from './participants.repository.js';
import type { CredentialStatusEntry } from './participants.tables.js';

/** How long a participant credential is valid before renewal. */
const CREDENTIAL_YEARS = 3;

/** What participants need from the node's credential issuer. */
export interface CredentialIssuerPort {
  issue(
    tx: Executor,
    input: { types: string[]; subject: Record<string, unknown>; validUntil?: Date; id?: string },
  ): Promise<{ jwt: string; credential: { validFrom?: unknown; credentialStatus?: unknown } }>;
  setStatus(
    tx: Executor,
    input: {
      statusListCredential: string;
      index: number;
      purpose: 'revocation' | 'suspension';
      value: boolean;
    },
  ): Promise<void>;
}

/** Registers the participant of an application being approved and returns its id (inside the approval transaction). */
export type RegisterParticipant = (
  tx: Tx,
  application: ApplicationRow,
  reviewer: UserPrincipal,
  requestId: string | null,
) => Promise<string>;

const STATUS_EVENTS: Record<ParticipantAction, string> = {
  suspend: E.participantSuspended,
  reinstate: E.participantReinstated,
  revoke: E.participantRevoked,
};

function statusEntriesOf(credential: { credentialStatus?: unknown }): CredentialStatusEntry[] {
  const raw = credential.credentialStatus;
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list.map((e) => e as CredentialStatusEntry);
}

export function createParticipantsService(deps: {
  db: Db;
  clock: Clock;
  issuer: CredentialIssuerPort;
  organizations: OrganizationsService;
  nodePrefix: string;
  publicUrl: string;
}) {
  const { db, clock, issuer } = deps;

  const register: RegisterParticipant = async (tx, app, reviewer, requestId) => {
    const now = clock.now();
    const id = newId('par');
    const number = await takeNumber(tx, deps.nodePrefix, 'P', now.getUTCFullYear());
    const validUntil = new Date(now);
    validUntil.setUTCFullYear(validUntil.getUTCFullYear() + CREDENTIAL_YEARS);
    const credentialId = `urn:uuid:${randomUUID()}`;
    const { jwt, credential } = await issuer.issue(tx, {
      id: credentialId,
      types: ['ParticipantCredential'],
      validUntil,
      subject: {
        id: `${deps.publicUrl}/api/participants/${id}`,
        type: 'DataExchangeParticipant',
        credentialNumber: number,
        name: app.name,
        unifiedSocialCreditCode: app.creditCode,
        entityType: app.entityType,
        divisionCode: app.divisionCode,
        roles: app.roles,
        merchantSubtypes: app.merchantSubtypes,
        serviceTypes: app.serviceTypes,
        registeredAt: now.toISOString(),
      },
    });
    await repo.insertParticipant(tx, {
      id,
      organizationId: app.organizationId,
      applicationId: app.id,
      creditCode: app.creditCode,
      name: app.name,
      entityType: app.entityType,
      legalRepresentative: app.legalRepresentative,
      address: app.address,
      divisionCode: app.divisionCode,
      contactName: app.contactName,
      contactPhone: app.contactPhone,
      contactEmail: app.contactEmail,
      roles: app.roles,
      merchantSubtypes: app.merchantSubtypes,
      serviceTypes: app.serviceTypes,
      status: 'active',
      credentialNumber: number,
      credentialId,
      credentialJwt: jwt,
      credentialStatus: statusEntriesOf(credential),
      credentialValidUntil: validUntil,
      registeredAt: now,
      searchText: `${app.name} ${app.creditCode}`.toLowerCase(),
    });
    await deps.organizations.markRegistered(
      tx,
      app.organizationId,
      { participantId: id, creditCode: app.creditCode, name: app.name },
      { userId: reviewer.userId, requestId },
    );
    await recordEvent(tx, clock, {
      type: E.participantRegistered,
      actorId: reviewer.userId,
      organizationId: app.organizationId,
      subjectType: 'participant',
      subjectId: id,
      payload: { credentialNumber: number, credentialId, roles: app.roles, applicationId: app.id },
      requestId,
    });
    return id;
  };

  return {
    register,

    /** The public directory page. */
    async list(query: { q?: string; role?: string; status?: string; cursor?: string; limit: number }) {
      const cursor = decodeCursor(query.cursor);
      const { rows, total } = await repo.listParticipants(db, { ...query, cursor });
      const { page, nextCursor } = pageOf(rows, query.limit, (p) => p.registeredAt);
      return { rows: page, total, nextCursor };
    },

    /** One participant. */
    async get(id: string): Promise<ParticipantRow> {
      const row = await repo.findParticipant(db, id);
      if (!row) throw notFound('participants.participant.not_found');
      return row;
    },

    /**
     * The participant an organization registered as, or null; other modules (registry) use it to
     * check that an organization may act as provider or merchant.
     */
    async ofOrganization(tx: Executor, organizationId: string): Promise<ParticipantRow | null> {
      return (await repo.findParticipantByOrganization(tx, organizationId)) ?? null;
    },

    /** Suspends, reinstates or revokes a participant, flipping its credential's status-list bits. */
    async changeStatus(
      principal: UserPrincipal,
      id: string,
      action: ParticipantAction,
      reason: string | null,
      requestId: string | null,
    ) {
      if ((action === 'suspend' || action === 'revoke') && !reason)
        throw badRequest('participants.application.reason_required');
      return db.transaction(async (tx) => {
        const row = await repo.findParticipant(tx, id, true);
        if (!row) throw notFound('participants.participant.not_found');
        const from = row.status as ParticipantState;
        const to = participantMachine.next(from, action);
        if (!to) throw conflict('participants.participant.illegal_transition', { from, action });
        for (const entry of row.credentialStatus) {
          const value = entry.statusPurpose === 'revocation' ? to === 'revoked' : to === 'suspended';
          await issuer.setStatus(tx, {
            statusListCredential: entry.statusListCredential,
            index: Number(entry.statusListIndex),
            purpose: entry.statusPurpose,
            value,
          });
        }
        await repo.updateParticipant(tx, id, {
          status: to,
          statusReason: action === 'reinstate' ? null : reason,
        });
        await recordEvent(tx, clock, {
          type: STATUS_EVENTS[action],
          actorId: principal.userId,
          organizationId: row.organizationId,
          subjectType: 'participant',
          subjectId: id,
          payload: { from, to, reason, actorName: principal.displayName },
          requestId,
        });
        return { ...row, status: to, statusReason: action === 'reinstate' ? null : reason };
      });
    },
  };
}

export type ParticipantsService = ReturnType<typeof createParticipantsService>;
