/**
 * The only place registration responses are shaped. Public shapes (notices, query results,
 * certificates) carry organization data only, never personal information.
 */
import { caseMachine, type CaseState, type CaseType, type DataRight, type SubjectKind } from '@shuliu/core';
import type { TimelineEntry } from './case-queries.service.js';
import { nameOf, rightsOfDescription, summaryOf } from './engine.js';
import type { RegimeView } from './regimes.service.js';
import type { CaseRow, CertificateRow, ObjectionRow } from './registration.repository.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The actions the case allows now: the machine's, narrowed by the regime in force — after formal
 * review only substantive review when the regime requires it, else only publicity.
 */
function allowedActionsOf(c: CaseRow) {
  const actions = caseMachine.allowedActions(c.state as CaseState);
  if (c.state !== 'formal_review') return actions;
  const skipped = c.regime.substantiveReview ? 'start_publicity' : 'start_substantive_review';
  return actions.filter((a) => a !== skipped);
}

export const presentRegime = (r: RegimeView) => ({
  subjectKind: r.subjectKind,
  settings: r.settings,
  version: r.version,
  isDefault: r.isDefault,
  updatedAt: iso(r.updatedAt),
});

/** A case in lists. */
export const presentCaseSummary = (c: CaseRow) => ({
  id: c.id,
  number: c.number,
  subjectKind: c.subjectKind as SubjectKind,
  subjectId: c.subjectId,
  subjectName: nameOf(c.description),
  caseType: c.caseType as CaseType,
  state: c.state as CaseState,
  allowedActions: allowedActionsOf(c),
  organizationId: c.organizationId,
  transferToOrganizationId: c.transferToOrganizationId,
  contentHash: c.contentHash,
  publicityStartedAt: iso(c.publicityStartedAt),
  publicityEndsAt: iso(c.publicityEndsAt),
  publicityRemainingMs: c.publicityRemainingMs,
  certificateId: c.certificateId,
  version: c.version,
  submittedAt: iso(c.submittedAt),
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

/** A case with checklist (titles from the regime's template), objections and timeline. */
export const presentCase = (
  c: CaseRow,
  extra: { objections: ObjectionRow[]; timeline: TimelineEntry[]; isStaff: boolean },
) => {
  const { checklist: template, ...regime } = c.regime;
  return {
    ...presentCaseSummary(c),
    queryCode: c.queryCode,
    rights: rightsOfDescription(c.description),
    description: c.description,
    regime,
    checklist: c.checklist.map((e) => {
      const item = template.find((t) => t.key === e.key);
      return {
        key: e.key,
        title: item?.title ?? { zh: e.key, en: e.key },
        evidence: item?.evidence ?? { zh: '', en: '' },
        verdict: e.verdict,
        note: e.note,
        attachmentIds: e.attachmentIds,
        answers: e.answers ?? null,
        checkedAt: e.checkedAt ?? null,
      };
    }),
    assessorOrganizationId: c.assessorOrganizationId,
    assessmentAttachmentIds: c.assessmentAttachmentIds,
    reviewNote: c.reviewNote,
    previousCaseId: c.previousCaseId,
    objections: extra.objections.map((o) => ({
      id: o.id,
      state: o.state as 'pending' | 'upheld' | 'dismissed',
      reasons: o.reasons,
      attachmentIds: o.attachmentIds,
      decisionNote: o.decisionNote,
      filedAt: o.filedAt.toISOString(),
      decidedAt: iso(o.decidedAt),
      filedBy: extra.isStaff ? o.filedBy : null,
    })),
    timeline: extra.timeline,
  };
};

/** The public result of a query code: the state only. */
export const presentQueryResult = (c: CaseRow) => ({
  number: c.number,
  subjectKind: c.subjectKind as SubjectKind,
  caseType: c.caseType as CaseType,
  state: c.state as CaseState,
  updatedAt: c.updatedAt.toISOString(),
});

/** A public notice (公示). */
export const presentNotice = (c: CaseRow, holderName: string | null) => ({
  caseId: c.id,
  number: c.number,
  caseType: c.caseType as CaseType,
  state: c.state as 'publicity' | 'objection_review',
  subjectKind: c.subjectKind as SubjectKind,
  subjectName: nameOf(c.description),
  summary: summaryOf(c.description),
  holderName,
  rights: rightsOfDescription(c.description),
  contentHash: c.contentHash,
  publicityStartedAt: iso(c.publicityStartedAt),
  publicityEndsAt: iso(c.publicityEndsAt),
});

/** One version in a certificate's history. */
export const presentVersion = (v: CertificateRow) => ({
  number: v.number,
  version: v.certificateVersion,
  status: v.status,
  caseId: v.caseId,
  issuedAt: v.issuedAt.toISOString(),
  validUntil: v.validUntil.toISOString(),
});

/** A certificate with its credential and version history (public). */
export const presentCertificate = (cert: CertificateRow, versions: CertificateRow[]) => ({
  id: cert.id,
  number: cert.number,
  subjectKind: cert.subjectKind as SubjectKind,
  subjectId: cert.subjectId,
  subjectName: cert.subjectName,
  holder: { organizationId: cert.organizationId, name: cert.holderName, creditCode: cert.holderCreditCode },
  rights: cert.rights as DataRight[],
  contentHash: cert.contentHash,
  version: cert.certificateVersion,
  previousCertificateNumber: versions.find((v) => v.id === cert.previousCertificateId)?.number ?? null,
  nextCertificateNumber: versions.find((v) => v.previousCertificateId === cert.id)?.number ?? null,
  status: cert.status as 'active' | 'suspended' | 'revoked' | 'superseded' | 'expired' | 'cancelled',
  validFrom: cert.validFrom.toISOString(),
  validUntil: cert.validUntil.toISOString(),
  issuedAt: cert.issuedAt.toISOString(),
  credential: {
    id: cert.credentialId,
    jwt: cert.credentialJwt,
    statusListUrls: [...new Set(cert.credentialStatus.map((e) => e.statusListCredential))],
  },
  versions: versions.map(presentVersion),
});
