import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** Fields an applicant declares about the legal entity; shared by applications and participants. */
const entityColumns = () => ({
  creditCode: text('credit_code').notNull(),
  name: text('name').notNull(),
  entityType: text('entity_type').notNull(),
  legalRepresentative: text('legal_representative').notNull(),
  address: text('address').notNull(),
  divisionCode: text('division_code').notNull(),
  contactName: text('contact_name').notNull(),
  contactPhone: text('contact_phone').notNull(),
  contactEmail: text('contact_email').notNull(),
  roles: text('roles').array().notNull(),
  merchantSubtypes: text('merchant_subtypes')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  serviceTypes: text('service_types')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
});

/**
 * Registration applications (一主体一登记). At most one live application (submitted, returned or
 * approved) per credit code and per organization: enforced by partial unique indexes, so two racing
 * applicants cannot both get in.
 */
export const participantApplications = pgTable(
  'participant_applications',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id').notNull(),
    applicantId: text('applicant_id').notNull(),
    state: text('state').notNull(),
    ...entityColumns(),
    commitments: text('commitments').array().notNull(),
    attachmentIds: text('attachment_ids')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The reviewer's latest reason (return or rejection) or note (approval). */
    reviewNote: text('review_note'),
    participantId: text('participant_id'),
    /** Optimistic concurrency: bumped by every change. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('participant_applications_live_credit_code_key')
      .on(t.creditCode)
      .where(sql`${t.state} IN ('submitted', 'returned', 'approved')`),
    // One live application per organization too: an organization registers one legal entity.
    uniqueIndex('participant_applications_live_organization_key')
      .on(t.organizationId)
      .where(sql`${t.state} IN ('submitted', 'returned', 'approved')`),
    index('participant_applications_state_idx').on(t.state, t.createdAt),
    index('participant_applications_org_idx').on(t.organizationId),
  ],
);

/** Registered participants: the public directory, with their credential. */
export const participants = pgTable(
  'participants',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id').notNull(),
    applicationId: text('application_id').notNull(),
    ...entityColumns(),
    /** active | suspended | revoked */
    status: text('status').notNull(),
    statusReason: text('status_reason'),
    credentialNumber: text('credential_number').notNull(),
    credentialId: text('credential_id').notNull(),
    credentialJwt: text('credential_jwt').notNull(),
    /** The credential's `credentialStatus` entries (status list URL, index, purpose). */
    credentialStatus: jsonb('credential_status').notNull().$type<CredentialStatusEntry[]>(),
    credentialValidUntil: timestamp('credential_valid_until', { withTimezone: true }).notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
    /** Lower-cased name and code, searched by the directory. */
    searchText: text('search_text').notNull(),
  },
  (t) => [
    uniqueIndex('participants_credit_code_key').on(t.creditCode),
    uniqueIndex('participants_organization_key').on(t.organizationId),
    uniqueIndex('participants_credential_number_key').on(t.credentialNumber),
    index('participants_registered_idx').on(t.registeredAt, t.id),
  ],
);

/** One status entry of a credential. */
export interface CredentialStatusEntry {
  statusPurpose: 'revocation' | 'suspension';
  statusListCredential: string;
  statusListIndex: string;
}
