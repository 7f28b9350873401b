import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { RegimeSettings } from '@shuliu/core';

/** Regime settings per subject kind, edited by the exchange admin (every edit is an event). */
export const registrationRegimes = pgTable('registration_regimes', {
  subjectKind: text('subject_kind').primaryKey(),
  settings: jsonb('settings').notNull().$type<RegimeSettings>(),
  version: integer('version').notNull().default(1),
  updatedBy: text('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One answered item of a case's compliance checklist. */
export interface ChecklistEntry {
  key: string;
  verdict: 'pending' | 'pass' | 'fail' | 'not_applicable';
  note: string;
  attachmentIds: string[];
  /** Answers for the prohibited categories (tradability item only). */
  answers?: Record<string, boolean>;
  checkedBy?: string;
  checkedAt?: string;
}

/**
 * Registration cases: one per initial registration, change, correction, transfer, renewal,
 * cancellation or objection. At most one open case per subject (partial unique index).
 */
export const registrationCases = pgTable(
  'registration_cases',
  {
    id: text('id').primaryKey(),
    /** Case number shown to people, e.g. `SLX-DJ-2026-000001`. */
    number: text('number').notNull(),
    subjectKind: text('subject_kind').notNull(),
    subjectId: text('subject_id').notNull(),
    caseType: text('case_type').notNull(),
    state: text('state').notNull(),
    organizationId: text('organization_id').notNull(),
    applicantId: text('applicant_id').notNull(),
    /** The regime settings in force when the case was submitted. */
    regime: jsonb('regime').notNull().$type<RegimeSettings>(),
    /** The description proposed by this case and its SHA-256 (JCS). */
    description: jsonb('description').notNull().$type<Record<string, unknown>>(),
    contentHash: text('content_hash').notNull(),
    /** For transfer cases: the receiving organization. */
    transferToOrganizationId: text('transfer_to_organization_id'),
    checklist: jsonb('checklist').notNull().$type<ChecklistEntry[]>(),
    /** Third-party service body assigned to assess, and its report. */
    assessorOrganizationId: text('assessor_organization_id'),
    assessmentAttachmentIds: text('assessment_attachment_ids')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    publicityStartedAt: timestamp('publicity_started_at', { withTimezone: true }),
    publicityEndsAt: timestamp('publicity_ends_at', { withTimezone: true }),
    /** Publicity time left when an objection paused the case (milliseconds). */
    publicityRemainingMs: integer('publicity_remaining_ms'),
    reviewNote: text('review_note'),
    certificateId: text('certificate_id'),
    /** For change/renewal/... cases: the case whose registration this one changes. */
    previousCaseId: text('previous_case_id'),
    /** Result query code (查询码) given to the registrant. */
    queryCode: text('query_code').notNull(),
    version: integer('version').notNull().default(1),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('registration_cases_number_key').on(t.number),
    uniqueIndex('registration_cases_query_code_key').on(t.queryCode),
    uniqueIndex('registration_cases_open_subject_key')
      .on(t.subjectId)
      .where(
        sql`${t.state} IN ('draft', 'submitted', 'accepted', 'formal_review', 'substantive_review', 'publicity', 'objection_review', 'returned')`,
      ),
    index('registration_cases_state_idx').on(t.state, t.updatedAt),
    index('registration_cases_subject_idx').on(t.subjectId, t.createdAt),
    index('registration_cases_org_idx').on(t.organizationId, t.updatedAt),
    index('registration_cases_publicity_idx')
      .on(t.publicityEndsAt)
      .where(sql`${t.state} = 'publicity'`),
  ],
);

/** Objections (异议) filed against a case during its publicity. */
export const registrationObjections = pgTable(
  'registration_objections',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id').notNull(),
    filedBy: text('filed_by').notNull(),
    reasons: text('reasons').notNull(),
    attachmentIds: text('attachment_ids')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** pending | upheld | dismissed */
    state: text('state').notNull(),
    decisionNote: text('decision_note'),
    decidedBy: text('decided_by'),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('registration_objections_case_idx').on(t.caseId, t.filedAt)],
);

/** Registration certificates (登记证书): each version a W3C VC, linked to the one it replaces. */
export const registrationCertificates = pgTable(
  'registration_certificates',
  {
    id: text('id').primaryKey(),
    /** Unique code: node prefix + year + sequence, e.g. `SLX-RC-2026-000001`. */
    number: text('number').notNull(),
    caseId: text('case_id').notNull(),
    subjectKind: text('subject_kind').notNull(),
    subjectId: text('subject_id').notNull(),
    organizationId: text('organization_id').notNull(),
    holderName: text('holder_name').notNull(),
    holderCreditCode: text('holder_credit_code').notNull(),
    subjectName: text('subject_name').notNull(),
    rights: text('rights').array().notNull(),
    contentHash: text('content_hash').notNull(),
    /** 1 for the initial certificate, +1 for each change, transfer or renewal. */
    certificateVersion: integer('certificate_version').notNull(),
    previousCertificateId: text('previous_certificate_id'),
    credentialId: text('credential_id').notNull(),
    credentialJwt: text('credential_jwt').notNull(),
    credentialStatus: jsonb('credential_status').notNull().$type<
      {
        statusPurpose: 'revocation' | 'suspension';
        statusListCredential: string;
        statusListIndex: string;
      }[]
    >(),
    /** active | suspended | revoked | superseded | expired | cancelled */
    status: text('status').notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validUntil: timestamp('valid_until', { withTimezone: true }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('registration_certificates_number_key').on(t.number),
    index('registration_certificates_subject_idx').on(t.subjectId, t.certificateVersion),
  ],
);
