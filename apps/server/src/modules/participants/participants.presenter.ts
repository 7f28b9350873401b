/**
 * The only place participants responses are shaped. The public directory never shows personal
 * information unmasked: the legal representative and the contact phone are masked.
 */
import {
  applicationMachine,
  maskPersonName,
  maskPhone,
  type ApplicationState,
  type Commitment,
  type EntityType,
  type MerchantSubtype,
  type ParticipantRole,
  type ParticipantState,
  type ServiceType,
} from '@shuliu/core';
import type { AttachmentRow } from '../attachments/index.js';
import type { ApplicationRow, ParticipantRow } from './participants.repository.js';

const roleFields = (r: ApplicationRow | ParticipantRow) => ({
  roles: r.roles as ParticipantRole[],
  merchantSubtypes: r.merchantSubtypes as MerchantSubtype[],
  serviceTypes: r.serviceTypes as ServiceType[],
});

/** An application as its applicant and the reviewers see it (they are entitled to the contact details). */
export const presentApplicationSummary = (a: ApplicationRow) => ({
  id: a.id,
  state: a.state as ApplicationState,
  allowedActions: applicationMachine.allowedActions(a.state as ApplicationState),
  organizationId: a.organizationId,
  creditCode: a.creditCode,
  name: a.name,
  entityType: a.entityType as EntityType,
  legalRepresentative: a.legalRepresentative,
  address: a.address,
  divisionCode: a.divisionCode,
  contact: { name: a.contactName, phone: a.contactPhone, email: a.contactEmail },
  ...roleFields(a),
  commitments: a.commitments as Commitment[],
  reviewNote: a.reviewNote,
  participantId: a.participantId,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

/** An application with its attachments and timeline. */
export const presentApplication = (
  a: ApplicationRow,
  files: AttachmentRow[],
  history: { action: string; actorName: string | null; note: string | null; at: string }[],
) => ({
  ...presentApplicationSummary(a),
  attachments: files.map((f) => ({
    id: f.id,
    filename: f.filename,
    contentType: f.contentType,
    size: f.size,
    sha256: f.sha256,
    purpose: f.purpose,
  })),
  history,
});

/** A participant as the public directory shows it. */
export const presentParticipant = (p: ParticipantRow) => ({
  id: p.id,
  organizationId: p.organizationId,
  name: p.name,
  creditCode: p.creditCode,
  entityType: p.entityType as EntityType,
  ...roleFields(p),
  divisionCode: p.divisionCode,
  legalRepresentative: maskPersonName(p.legalRepresentative),
  contactPhone: maskPhone(p.contactPhone),
  status: p.status as ParticipantState,
  statusReason: p.statusReason,
  credentialNumber: p.credentialNumber,
  registeredAt: p.registeredAt.toISOString(),
});

/** A participant with its credential. */
export const presentParticipantDetail = (p: ParticipantRow) => ({
  ...presentParticipant(p),
  credential: {
    number: p.credentialNumber,
    id: p.credentialId,
    jwt: p.credentialJwt,
    issuedAt: p.registeredAt.toISOString(),
    validUntil: p.credentialValidUntil.toISOString(),
    statusListUrls: [...new Set(p.credentialStatus.map((e) => e.statusListCredential))],
  },
});
