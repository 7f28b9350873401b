/**
 * Registration (登记) of data resources and data products: one engine, several regimes.
 * Vocabularies and the registration case's life cycle, shared by the server (which enforces them) and
 * the web app (which shows them). Sources: domain.md §3 and §11 (national interim measures for public
 * data resource registration 2025; exchanges' published product-listing flows; GB/T 43697-2024).
 */
import { defineStateMachine } from './state-machine.js';

/** What a registration is about. */
export const SUBJECT_KINDS = ['resource', 'product'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** The three separated rights (三权分置). */
export const DATA_RIGHTS = ['holding', 'processing', 'operation'] as const;
export type DataRight = (typeof DATA_RIGHTS)[number];

/** Classification and grading (GB/T 43697-2024), highest first. "When in doubt, grade higher". */
export const DATA_GRADES = ['CORE', 'IMPORTANT', 'GENERAL_4', 'GENERAL_3', 'GENERAL_2', 'GENERAL_1'] as const;
export type DataGrade = (typeof DATA_GRADES)[number];

/** The higher (stricter) of grades; GENERAL_1 when none. */
export function highestGrade(grades: readonly DataGrade[]): DataGrade {
  let best = DATA_GRADES.length - 1;
  for (const g of grades) best = Math.min(best, DATA_GRADES.indexOf(g));
  return DATA_GRADES[best] ?? 'GENERAL_1';
}

/** Core data is never tradable; important data needs an assessment before it leaves its holder. */
export const isTradableGrade = (grade: DataGrade): boolean => grade !== 'CORE';

/** Domains (industries) a resource or product belongs to. */
export const DATA_DOMAINS = [
  'agriculture',
  'manufacturing',
  'finance',
  'transport',
  'healthcare',
  'education',
  'energy',
  'meteorology',
  'geospatial',
  'commerce',
  'public_service',
  'science',
  'culture_tourism',
  'telecom',
  'environment',
  'other',
] as const;
export type DataDomain = (typeof DATA_DOMAINS)[number];

/** How the holder obtained the data (002 Jiangsu; national rules). */
export const SOURCE_METHODS = [
  'self_generated',
  'self_collected',
  'purchased',
  'free',
  'public_data_authorization',
] as const;
export type SourceMethod = (typeof SOURCE_METHODS)[number];

export const DATA_FORMATS = [
  'csv',
  'json',
  'parquet',
  'xlsx',
  'xml',
  'database',
  'api',
  'document',
  'other',
] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];

export const UPDATE_FREQUENCIES = [
  'realtime',
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'yearly',
  'irregular',
  'once',
] as const;
export type UpdateFrequency = (typeof UPDATE_FREQUENCIES)[number];

/** Sensitivity of one data item (field). */
export const ITEM_SENSITIVITIES = ['none', 'personal', 'sensitive_personal', 'important'] as const;
export type ItemSensitivity = (typeof ITEM_SENSITIVITIES)[number];

export const ITEM_TYPES = [
  'string',
  'integer',
  'decimal',
  'boolean',
  'date',
  'datetime',
  'geometry',
  'binary',
] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** Share (共享) and open (开放) attributes of public data. */
export const SHARE_ATTRIBUTES = ['unconditional', 'conditional', 'not_shared'] as const;
export type ShareAttribute = (typeof SHARE_ATTRIBUTES)[number];
export const OPEN_ATTRIBUTES = ['unconditional', 'conditional', 'not_open'] as const;
export type OpenAttribute = (typeof OPEN_ATTRIBUTES)[number];

/** Types of registration case. */
export const CASE_TYPES = [
  'initial',
  'change',
  'correction',
  'transfer',
  'renewal',
  'cancellation',
  'objection',
] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/** States of a registration case. */
export const CASE_STATES = [
  'draft',
  'submitted',
  'accepted',
  'formal_review',
  'substantive_review',
  'publicity',
  'objection_review',
  'certified',
  'active',
  'expired',
  'cancelled',
  'superseded',
  'returned',
  'rejected',
  'withdrawn',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export type CaseAction =
  | 'submit'
  | 'accept'
  | 'start_formal_review'
  | 'start_substantive_review'
  | 'start_publicity'
  | 'return'
  | 'resubmit'
  | 'reject'
  | 'withdraw'
  | 'raise_objection'
  | 'dismiss_objection'
  | 'uphold_objection'
  | 'certify'
  | 'activate'
  | 'expire'
  | 'cancel'
  | 'supersede';

/**
 * draft → submitted → accepted → formal_review → (substantive_review) → publicity
 * → (objection_review → publicity | rejected) → certified → active → expired | cancelled | superseded;
 * returned (for correction) → submitted; rejected and withdrawn are final.
 * Whether substantive review happens is the regime's choice; the table allows both paths.
 */
export const caseMachine = defineStateMachine<CaseState, CaseAction>({
  draft: { submit: 'submitted', withdraw: 'withdrawn' },
  submitted: { accept: 'accepted', return: 'returned', reject: 'rejected', withdraw: 'withdrawn' },
  accepted: { start_formal_review: 'formal_review', return: 'returned', reject: 'rejected' },
  formal_review: {
    start_substantive_review: 'substantive_review',
    start_publicity: 'publicity',
    return: 'returned',
    reject: 'rejected',
  },
  substantive_review: { start_publicity: 'publicity', return: 'returned', reject: 'rejected' },
  publicity: { raise_objection: 'objection_review', certify: 'certified' },
  objection_review: { dismiss_objection: 'publicity', uphold_objection: 'rejected' },
  certified: { activate: 'active' },
  active: { expire: 'expired', cancel: 'cancelled', supersede: 'superseded' },
  returned: { resubmit: 'submitted', withdraw: 'withdrawn' },
  expired: {},
  cancelled: {},
  superseded: {},
  rejected: {},
  withdrawn: {},
});

/** States in which a case is still being worked on (at most one per subject). */
export const OPEN_CASE_STATES: readonly CaseState[] = [
  'draft',
  'submitted',
  'accepted',
  'formal_review',
  'substantive_review',
  'publicity',
  'objection_review',
  'returned',
];

/** How publicity days are counted. */
export const DAY_KINDS = ['calendar', 'working'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

/** Verdict on one compliance checklist item. */
export const CHECK_VERDICTS = ['pending', 'pass', 'fail', 'not_applicable'] as const;
export type CheckVerdict = (typeof CHECK_VERDICTS)[number];

/** One item of a compliance checklist template (the template is data, editable per regime). */
export interface ChecklistTemplateItem {
  key: string;
  /** zh-CN and en titles. */
  title: { zh: string; en: string };
  guidance: { zh: string; en: string };
  /** Evidence the reviewer expects attached. */
  evidence: { zh: string; en: string };
}

/** Settings of one registration regime. */
export interface RegimeSettings {
  publicityDays: number;
  publicityDayKind: DayKind;
  validityYears: number;
  substantiveReview: boolean;
  thirdPartyAssessment: boolean;
  retentionYears: number;
  checklist: ChecklistTemplateItem[];
}

/** Prohibited categories (domain.md §5): each must be answered in the tradability item. */
export const PROHIBITED_CATEGORIES = [
  'national_security',
  'rights_or_privacy',
  'unauthorized_enterprise_data',
  'illegal_channel',
  'forbidden_by_law_or_contract',
] as const;
export type ProhibitedCategory = (typeof PROHIBITED_CATEGORIES)[number];

/** The default compliance checklist (合规审查) of a published exchange flow (domain.md §11). */
export const DEFAULT_CHECKLIST: ChecklistTemplateItem[] = [
  {
    key: 'subject_qualification',
    title: { zh: '主体资格', en: 'Subject qualification' },
    guidance: {
      zh: '申请人已完成主体登记且状态正常，登记的角色允许本次登记。',
      en: 'The applicant is a registered participant in good standing, with a role allowing this registration.',
    },
    evidence: { zh: '主体登记凭证、营业执照', en: 'Participant credential, business licence' },
  },
  {
    key: 'lawful_source',
    title: { zh: '数据来源合法性与授权链', en: 'Lawful source and authorization chain' },
    guidance: {
      zh: '数据来源方式与证明材料一致；采购或授权取得的，授权链完整且在有效期内。',
      en: 'The declared source matches the evidence; bought or licensed data has a complete, current authorization chain.',
    },
    evidence: { zh: '采集说明、采购合同、授权协议', en: 'Collection statement, purchase contract, licence' },
  },
  {
    key: 'security_management',
    title: { zh: '安全管理', en: 'Security management' },
    guidance: {
      zh: '具备与数据分级相适应的安全管理制度和技术措施；重要数据已完成风险评估。',
      en: 'Security controls fit the grade; important data has a completed risk assessment.',
    },
    evidence: {
      zh: '安全管理制度、等保测评、风险评估报告',
      en: 'Security policy, MLPS report, risk assessment',
    },
  },
  {
    key: 'tradability',
    title: { zh: '可交易性（禁止交易情形逐项排除）', en: 'Tradability (each prohibited category excluded)' },
    guidance: {
      zh: '不危害国家安全和公共利益；不侵犯个人隐私或他人权益；非未经授权的企业数据或商业秘密；非非法渠道获取；不属法律或合同禁止交易的数据。',
      en: 'Not endangering national security or public interest; not infringing privacy or rights; not unauthorized enterprise data or trade secrets; not from illegal channels; not forbidden by law or contract.',
    },
    evidence: { zh: '合规承诺书、法律意见书', en: 'Compliance undertaking, legal opinion' },
  },
  {
    key: 'personal_information',
    title: { zh: '个人信息处理', en: 'Personal-information handling' },
    guidance: {
      zh: '含个人信息的，已取得个人同意或具备其他合法性基础，并已匿名化或去标识化处理。',
      en: 'Personal information has consent or another lawful basis and is anonymized or de-identified.',
    },
    evidence: {
      zh: '授权同意书、脱敏说明、个人信息保护影响评估',
      en: 'Consent forms, masking statement, PIA',
    },
  },
];

/** Default regime settings: 3 calendar days for products, 10 working days for property rights (resources). */
export const DEFAULT_REGIMES: Record<SubjectKind, RegimeSettings> = {
  product: {
    publicityDays: 3,
    publicityDayKind: 'calendar',
    validityYears: 3,
    substantiveReview: false,
    thirdPartyAssessment: false,
    retentionYears: 30,
    checklist: DEFAULT_CHECKLIST,
  },
  resource: {
    publicityDays: 10,
    publicityDayKind: 'working',
    validityYears: 3,
    substantiveReview: true,
    thirdPartyAssessment: false,
    retentionYears: 30,
    checklist: DEFAULT_CHECKLIST,
  },
};

/** One data item (field) of a resource. */
export interface DataItem {
  name: string;
  type: ItemType;
  description: string;
  sensitivity: ItemSensitivity;
}

/** Dataset versions a description may reference at most. */
export const MAX_DATASET_REFERENCES = 20;

/**
 * A dataset version (the datasets module) referenced by a registration: its quality report, and
 * optionally one of its dataset's published samples, back what the description claims.
 */
export interface DatasetReference {
  /** The dataset (`dst_…`), held by the organization that registers. */
  datasetId: string;
  /** The version number (1, 2, …); the version must be processed (`ready`). */
  versionNumber: number;
  /** A published sample (`smp_…`) of that dataset, shown publicly on the product page. */
  sampleId?: string;
}

/**
 * The description of a data resource (domain.md §3, §11), as registered. Attachments are ids of
 * uploaded files (the attachments module).
 */
export interface ResourceDescription {
  name: string;
  summary: string;
  domain: DataDomain;
  /** Free keywords (zh or en), used by search and DCAT `dcat:keyword`. */
  keywords: string[];
  dataItems: DataItem[];
  formats: DataFormat[];
  volume: { records?: number | undefined; bytes?: number | undefined };
  /** ISO dates (YYYY-MM-DD); `to` absent while the data keeps growing. */
  timeCoverage: { from: string; to?: string | undefined };
  /** Division codes (GB/T 2260) the data covers; `100000` for the whole country. */
  spatialCoverage: string[];
  updateFrequency: UpdateFrequency;
  source: { method: SourceMethod; description: string };
  /** Evidence of lawful source (contracts, collection statements, authorizations). */
  legalityEvidenceIds: string[];
  rights: DataRight[];
  grade: DataGrade;
  personalInformation: boolean;
  shareAttribute: ShareAttribute;
  openAttribute: OpenAttribute;
  /** The dataset versions whose quality report and published sample back this registration (≤ 20). */
  datasets?: DatasetReference[];
}
