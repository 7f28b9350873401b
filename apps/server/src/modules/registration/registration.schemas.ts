/**
 * Request and response schemas of the registration engine (登记): regimes, cases, checklist,
 * objections, public notices and certificates. Field descriptions become the API documentation.
 */
import { z } from '@hono/zod-openapi';
import {
  CASE_STATES,
  CASE_TYPES,
  CHECK_VERDICTS,
  DATA_RIGHTS,
  DAY_KINDS,
  PROHIBITED_CATEGORIES,
  SUBJECT_KINDS,
} from '@shuliu/core';

const pathParam = (name: string, description: string) =>
  z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name, in: 'path' }, description });

export const SubjectKindParam = z.object({
  subjectKind: z.enum(SUBJECT_KINDS).openapi({
    param: { name: 'subjectKind', in: 'path' },
    description: 'What the regime governs: `resource` or `product`',
  }),
});
export const CaseIdParam = z.object({ id: pathParam('id', 'Case id (`case_…`)') });
export const ChecklistItemParam = z.object({
  id: pathParam('id', 'Case id (`case_…`)'),
  key: pathParam('key', 'Checklist item key, e.g. `tradability`'),
});
export const ObjectionParam = z.object({
  id: pathParam('id', 'Case id (`case_…`)'),
  oid: pathParam('oid', 'Objection id (`obj_…`)'),
});
export const CertificateNumberParam = z.object({
  number: pathParam('number', 'Certificate number, e.g. `SLX-RC-2026-000001`'),
});
export const SubjectIdParam = z.object({
  subjectId: pathParam('subjectId', 'Resource (`res_…`) or product (`prd_…`) id'),
});
export const QueryCodeParam = z.object({ code: pathParam('code', 'Result query code (查询码)') });

const bilingual = (what: string) =>
  z.object({
    zh: z.string().trim().min(1).max(500).describe(`${what} in Chinese`),
    en: z.string().trim().min(1).max(500).describe(`${what} in English`),
  });

export const ChecklistTemplateItemSchema = z
  .object({
    key: z
      .string()
      .regex(/^[a-z][a-z0-9_]{1,39}$/, 'lowercase letters, digits and _, 2–40 characters')
      .describe('Stable key of the item, e.g. `lawful_source`'),
    title: bilingual('Title'),
    guidance: bilingual('What the reviewer checks'),
    evidence: bilingual('Evidence the reviewer expects attached'),
  })
  .openapi('ChecklistTemplateItem');

export const RegimeSettingsSchema = z
  .object({
    publicityDays: z.number().int().min(1).max(60).describe('Length of publicity (公示期), 1–60 days'),
    publicityDayKind: z.enum(DAY_KINDS).describe('Count calendar days or statutory working days'),
    validityYears: z.number().int().min(1).max(10).describe('Validity of a certificate, 1–10 years'),
    substantiveReview: z.boolean().describe('Whether a substantive review follows the formal review'),
    thirdPartyAssessment: z
      .boolean()
      .describe('Whether a third-party service body’s assessment report is required before publicity'),
    retentionYears: z.number().int().min(20).max(100).describe('Years records are kept (≥ 20)'),
    checklist: z
      .array(ChecklistTemplateItemSchema)
      .min(1)
      .max(30)
      .superRefine((items, ctx) => {
        const seen = new Set<string>();
        items.forEach((item, i) => {
          if (seen.has(item.key))
            ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `duplicate key ${item.key}` });
          seen.add(item.key);
        });
      })
      .describe('Compliance checklist template (合规审查清单); keys unique'),
  })
  .openapi('RegimeSettings');

export const RegimeUpdateRequest = z
  .object({
    settings: RegimeSettingsSchema,
    version: z
      .number()
      .int()
      .min(0)
      .describe('The version being edited (0 while the defaults are in force); a stale one is refused'),
  })
  .openapi('RegimeUpdateRequest');

export const RegimeResponse = z
  .object({
    subjectKind: z.enum(SUBJECT_KINDS),
    settings: RegimeSettingsSchema,
    version: z.number().int().describe('0 while the built-in defaults are in force'),
    isDefault: z.boolean().describe('True while no admin has edited this regime'),
    updatedAt: z.string().nullable(),
  })
  .openapi('Regime');
export const RegimeListResponse = z.object({ items: z.array(RegimeResponse) }).openapi('RegimeList');

export const CreateCaseRequest = z
  .object({
    subjectKind: z.enum(SUBJECT_KINDS).describe('`resource` or `product`'),
    subjectId: z.string().min(1).max(64).describe('The resource or product to register'),
    caseType: z
      .enum(CASE_TYPES)
      .exclude(['objection'])
      .describe('initial 首次, change 变更, correction 更正, transfer 转移, renewal 续期, cancellation 注销'),
    transferToOrganizationId: z
      .string()
      .max(64)
      .optional()
      .describe('Transfer cases only: the receiving organization (an active participant)'),
  })
  .openapi('CreateCaseRequest');

export const ReasonRequest = z
  .object({ reason: z.string().trim().min(2).max(2000).describe('Why (shown to the applicant)') })
  .openapi('RegistrationReasonRequest');

const attachmentIds = z
  .array(z.string().min(1).max(64))
  .max(20)
  .default([])
  .describe('Evidence attachments (ids from POST /api/attachments)');

export const ChecklistUpdateRequest = z
  .object({
    verdict: z.enum(CHECK_VERDICTS).describe('pass, fail, not_applicable or pending'),
    note: z.string().trim().max(2000).default('').describe('The reviewer’s finding'),
    attachmentIds,
    answers: z
      .partialRecord(z.enum(PROHIBITED_CATEGORIES), z.boolean())
      .optional()
      .describe(
        'Tradability item: for each prohibited category, true when it applies; passing needs all false',
      ),
  })
  .openapi('ChecklistUpdateRequest');

export const AssessorRequest = z
  .object({
    organizationId: z.string().min(1).max(64).describe('Organization of a participant with the service role'),
  })
  .openapi('AssessorRequest');

export const AssessmentRequest = z
  .object({ attachmentIds: attachmentIds.pipe(z.array(z.string()).min(1)) })
  .openapi('AssessmentRequest');

export const ObjectionRequest = z
  .object({
    reasons: z
      .string()
      .trim()
      .min(10)
      .max(5000)
      .describe('Grounds of the objection (at least 10 characters)'),
    attachmentIds,
  })
  .openapi('ObjectionRequest');

export const ObjectionDecisionRequest = z
  .object({
    outcome: z.enum(['upheld', 'dismissed']).describe('upheld rejects the case; dismissed resumes publicity'),
    note: z.string().trim().min(2).max(2000).describe('Reasons of the decision'),
  })
  .openapi('ObjectionDecisionRequest');

export const CaseListQuery = z.object({
  scope: z
    .enum(['mine', 'queue'])
    .default('mine')
    .describe('`mine`: cases of the caller’s organizations; `queue`: all (exchange staff)'),
  state: z.enum(CASE_STATES).optional().describe('Only cases in this state'),
  subjectKind: z.enum(SUBJECT_KINDS).optional().describe('Only cases about this kind of subject'),
  caseType: z.enum(CASE_TYPES).optional().describe('Only cases of this type'),
  q: z.string().max(100).optional().describe('Search in case number and subject name'),
  cursor: z.string().max(200).optional().describe('Opaque cursor from the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Page size'),
});

export const NoticeListQuery = z.object({
  subjectKind: z.enum(SUBJECT_KINDS).optional().describe('Only notices about this kind of subject'),
  cursor: z.string().max(200).optional().describe('Opaque cursor from the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Page size'),
});

export const CertificateActionRequest = z
  .object({ reason: z.string().trim().min(2).max(2000).optional().describe('Required to suspend or revoke') })
  .openapi('CertificateActionRequest');

const ChecklistItemResponse = z.object({
  key: z.string(),
  title: z.object({ zh: z.string(), en: z.string() }),
  evidence: z.object({ zh: z.string(), en: z.string() }),
  verdict: z.enum(CHECK_VERDICTS),
  note: z.string(),
  attachmentIds: z.array(z.string()),
  answers: z.record(z.string(), z.boolean()).nullable(),
  checkedAt: z.string().nullable(),
});

const ObjectionResponse = z.object({
  id: z.string(),
  state: z.enum(['pending', 'upheld', 'dismissed']),
  reasons: z.string(),
  attachmentIds: z.array(z.string()),
  decisionNote: z.string().nullable(),
  filedAt: z.string(),
  decidedAt: z.string().nullable(),
  /** Only exchange staff see who filed it. */
  filedBy: z.string().nullable().describe('Filer’s user id (exchange staff only)'),
});

export const CaseSummaryResponse = z
  .object({
    id: z.string(),
    number: z.string().describe('Case number, e.g. `SLX-DJ-2026-000001`'),
    subjectKind: z.enum(SUBJECT_KINDS),
    subjectId: z.string(),
    subjectName: z.string(),
    caseType: z.enum(CASE_TYPES),
    state: z.enum(CASE_STATES),
    allowedActions: z.array(z.string()).describe('Actions the state machine allows next'),
    organizationId: z.string(),
    transferToOrganizationId: z.string().nullable(),
    contentHash: z.string().describe('`sha256:` of the JCS of the proposed description'),
    publicityStartedAt: z.string().nullable(),
    publicityEndsAt: z.string().nullable(),
    publicityRemainingMs: z.number().nullable(),
    certificateId: z.string().nullable(),
    version: z.number().int(),
    submittedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('RegistrationCaseSummary');

export const CaseResponse = CaseSummaryResponse.extend({
  queryCode: z.string().describe('Result query code (查询码) for GET /api/registration/query/{code}'),
  rights: z.array(z.enum(DATA_RIGHTS)),
  description: z.record(z.string(), z.unknown()).describe('The description this case proposes'),
  regime: RegimeSettingsSchema.omit({ checklist: true }),
  checklist: z.array(ChecklistItemResponse),
  assessorOrganizationId: z.string().nullable(),
  assessmentAttachmentIds: z.array(z.string()),
  reviewNote: z.string().nullable(),
  previousCaseId: z.string().nullable(),
  objections: z.array(ObjectionResponse),
  timeline: z.array(
    z.object({
      type: z.string().describe('Event type, e.g. `registration.case.submitted`'),
      actorName: z.string().nullable(),
      note: z.string().nullable(),
      at: z.string(),
    }),
  ),
}).openapi('RegistrationCase');

export const CaseListResponse = z
  .object({ items: z.array(CaseSummaryResponse), nextCursor: z.string().nullable(), total: z.number().int() })
  .openapi('RegistrationCaseList');

export const QueryResultResponse = z
  .object({
    number: z.string(),
    subjectKind: z.enum(SUBJECT_KINDS),
    caseType: z.enum(CASE_TYPES),
    state: z.enum(CASE_STATES),
    updatedAt: z.string(),
  })
  .openapi('RegistrationQueryResult');

export const NoticeResponse = z
  .object({
    caseId: z.string(),
    number: z.string(),
    caseType: z.enum(CASE_TYPES),
    state: z.enum(['publicity', 'objection_review']),
    subjectKind: z.enum(SUBJECT_KINDS),
    subjectName: z.string(),
    summary: z.string(),
    holderName: z.string().nullable(),
    rights: z.array(z.enum(DATA_RIGHTS)),
    contentHash: z.string(),
    publicityStartedAt: z.string().nullable(),
    publicityEndsAt: z.string().nullable().describe('Null while an objection pauses the publicity'),
  })
  .openapi('RegistrationNotice');
export const NoticeListResponse = z
  .object({ items: z.array(NoticeResponse), nextCursor: z.string().nullable(), total: z.number().int() })
  .openapi('RegistrationNoticeList');

const CertificateVersion = z.object({
  number: z.string(),
  version: z.number().int(),
  status: z.string(),
  caseId: z.string(),
  issuedAt: z.string(),
  validUntil: z.string(),
});

export const CertificateResponse = z
  .object({
    id: z.string(),
    number: z.string(),
    subjectKind: z.enum(SUBJECT_KINDS),
    subjectId: z.string(),
    subjectName: z.string(),
    holder: z.object({ organizationId: z.string(), name: z.string(), creditCode: z.string() }),
    rights: z.array(z.enum(DATA_RIGHTS)),
    contentHash: z.string(),
    version: z.number().int().describe('1 for the initial certificate, +1 per change, transfer, renewal'),
    previousCertificateNumber: z.string().nullable(),
    nextCertificateNumber: z.string().nullable(),
    status: z.enum(['active', 'suspended', 'revoked', 'superseded', 'expired', 'cancelled']),
    validFrom: z.string(),
    validUntil: z.string(),
    issuedAt: z.string(),
    credential: z.object({
      id: z.string(),
      jwt: z.string().describe('The W3C VC as a JWT (EdDSA, node key); verify with `shuliu verify`'),
      statusListUrls: z.array(z.string()),
    }),
    versions: z
      .array(CertificateVersion)
      .describe('Every version of this subject’s certificate, oldest first'),
  })
  .openapi('RegistrationCertificate');

export const CertificateHistoryResponse = z
  .object({ items: z.array(CertificateVersion) })
  .openapi('RegistrationCertificateHistory');

export type RegimeSettingsInput = z.infer<typeof RegimeSettingsSchema>;
export type CreateCaseInput = z.infer<typeof CreateCaseRequest>;
export type ChecklistUpdateInput = z.infer<typeof ChecklistUpdateRequest>;
export type CaseListInput = z.infer<typeof CaseListQuery>;
