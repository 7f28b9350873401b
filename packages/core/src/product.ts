/**
 * Data products: the unified product description (统一描述格式) vocabularies, the naming rule and the
 * machine-readable usage policy (a closed subset of ODRL 2.2). Sources: domain.md §5–7, §11 (the
 * 24-exchange initiative's unified description and naming rules; GB/T 36343; DCAT-AP 3).
 */
import type {
  DataDomain,
  DataGrade,
  DatasetReference,
  OpenAttribute,
  UpdateFrequency,
} from './registration.js';

/** Product forms (domain.md §6). */
export const PRODUCT_FORMS = ['dataset', 'api', 'report', 'model', 'saas', 'compute', 'tool'] as const;
export type ProductForm = (typeof PRODUCT_FORMS)[number];

/** Form names as written in a product name's third segment. */
export const PRODUCT_FORM_LABELS: Record<ProductForm, { zh: string; en: string }> = {
  dataset: { zh: '数据集', en: 'Dataset' },
  api: { zh: '数据接口', en: 'API' },
  report: { zh: '数据报告', en: 'Report' },
  model: { zh: '数据模型', en: 'Model' },
  saas: { zh: '数据应用', en: 'SaaS' },
  compute: { zh: '计算服务', en: 'Compute service' },
  tool: { zh: '数据工具', en: 'Tool' },
};

/** Delivery methods (domain.md §6). */
export const DELIVERY_METHODS = [
  'file_download',
  'api_access',
  'sandbox',
  'model_access',
  'online_service',
] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

/** The delivery methods that fit each form. */
export const DELIVERIES_BY_FORM: Record<ProductForm, readonly DeliveryMethod[]> = {
  dataset: ['file_download', 'sandbox', 'api_access'],
  api: ['api_access'],
  report: ['file_download', 'online_service'],
  model: ['model_access', 'sandbox', 'file_download'],
  saas: ['online_service'],
  compute: ['sandbox', 'online_service'],
  tool: ['file_download', 'online_service'],
};

/** Pricing models. Amounts are integers in fen (分). */
export const PRICING_MODELS = [
  'one_off',
  'subscription',
  'per_call',
  'per_volume',
  'free_public_welfare',
] as const;
export type PricingModel = (typeof PRICING_MODELS)[number];

/** Who may see a catalog entry. Applied inside the search query, never after it. */
export const VISIBILITIES = ['public', 'participants'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** The separator of a product name's segments. */
export const NAME_SEPARATOR = '·';
export const NAME_SEGMENT_MAX = 40;

export type NameProblem =
  'segment_count' | 'segment_empty' | 'segment_too_long' | 'provider_mismatch' | 'form_mismatch';

/**
 * The naming rule: `provider · subject · form · granularity`, e.g. `数流科技·城市道路交通流量·数据集·路段级逐小时`.
 * The provider segment must appear in the provider's registered name (a short name is fine) and the
 * form segment must be the declared form's label (zh or en). Returns the first problem, or null.
 */
export function findProductNameProblem(
  name: string,
  context: { providerName: string; form: ProductForm },
): NameProblem | null {
  const segments = name.split(/\s*[·・•]\s*/u);
  if (segments.length !== 4) return 'segment_count';
  if (segments.some((s) => s.trim().length === 0)) return 'segment_empty';
  if (segments.some((s) => Array.from(s).length > NAME_SEGMENT_MAX)) return 'segment_too_long';
  const [provider = '', , form = ''] = segments.map((s) => s.trim());
  if (!context.providerName.toLowerCase().includes(provider.toLowerCase())) return 'provider_mismatch';
  const labels = PRODUCT_FORM_LABELS[context.form];
  if (form !== labels.zh && form.toLowerCase() !== labels.en.toLowerCase()) return 'form_mismatch';
  return null;
}

/** Builds a name that follows the rule. */
export function composeProductName(parts: {
  provider: string;
  subject: string;
  form: ProductForm;
  granularity: string;
}): string {
  return [parts.provider, parts.subject, PRODUCT_FORM_LABELS[parts.form].zh, parts.granularity].join(
    NAME_SEPARATOR,
  );
}

/** ODRL actions a policy may grant or forbid. */
export const POLICY_ACTIONS = ['use', 'reproduce', 'distribute', 'derive', 'commercialize'] as const;
export type PolicyAction = (typeof POLICY_ACTIONS)[number];

/**
 * The closed set of constraints: purpose, period, count, region, recipient role.
 * Each maps to an ODRL left operand.
 */
export type PolicyConstraint =
  | { kind: 'purpose'; anyOf: string[] }
  | { kind: 'period'; from: string; to: string }
  | { kind: 'count'; max: number }
  | { kind: 'region'; anyOf: string[] }
  | { kind: 'recipient_role'; anyOf: string[] };

export interface PolicyRule {
  action: PolicyAction;
  constraints: PolicyConstraint[];
}

export interface UsagePolicy {
  permissions: PolicyRule[];
  prohibitions: PolicyRule[];
}

const ODRL_CONTEXT = 'http://www.w3.org/ns/odrl.jsonld';

function odrlConstraint(c: PolicyConstraint): Record<string, unknown>[] {
  switch (c.kind) {
    case 'purpose':
      return [{ leftOperand: 'purpose', operator: 'isAnyOf', rightOperand: c.anyOf }];
    case 'period':
      return [
        {
          leftOperand: 'dateTime',
          operator: 'gteq',
          rightOperand: { '@value': c.from, '@type': 'xsd:date' },
        },
        { leftOperand: 'dateTime', operator: 'lteq', rightOperand: { '@value': c.to, '@type': 'xsd:date' } },
      ];
    case 'count':
      return [{ leftOperand: 'count', operator: 'lteq', rightOperand: c.max }];
    case 'region':
      return [{ leftOperand: 'spatial', operator: 'isAnyOf', rightOperand: c.anyOf }];
    case 'recipient_role':
      return [{ leftOperand: 'recipient', operator: 'isAnyOf', rightOperand: c.anyOf }];
  }
}

function odrlRule(rule: PolicyRule, target: string) {
  const constraint = rule.constraints.flatMap(odrlConstraint);
  return { target, action: rule.action, ...(constraint.length > 0 ? { constraint } : {}) };
}

/** The usage policy as an ODRL 2.2 Offer in JSON-LD. */
export function toOdrlOffer(policy: UsagePolicy, ids: { policy: string; target: string; assigner: string }) {
  return {
    '@context': ODRL_CONTEXT,
    '@type': 'Offer',
    uid: ids.policy,
    assigner: ids.assigner,
    permission: policy.permissions.map((r) => odrlRule(r, ids.target)),
    prohibition: policy.prohibitions.map((r) => odrlRule(r, ids.target)),
  };
}

/** One use scenario (at least one is required before listing). */
export interface UseScenario {
  title: string;
  description: string;
}

/** How a product derives from a registered resource, and the right it relies on. */
export interface RightsChainLink {
  resourceId: string;
  /** The right over the resource the product relies on (usually processing or operation). */
  right: 'holding' | 'processing' | 'operation';
  /** Licences from another holder; empty when the provider holds the resource itself. */
  licenceEvidenceIds: string[];
}

export interface ProductPricing {
  model: PricingModel;
  /** Price in fen (分) per unit; 0 for free_public_welfare. */
  amountFen: number;
  /** Unit the price is per: `order`, `month`, `year`, `call`, `1k_rows`, `GB`. */
  unit: string;
}

/** The unified product description (统一描述格式), as registered. */
export interface ProductDescription {
  /** Follows the naming rule `provider·subject·form·granularity`. */
  name: string;
  summary: string;
  domain: DataDomain;
  keywords: string[];
  form: ProductForm;
  deliveryMethods: DeliveryMethod[];
  rightsChain: RightsChainLink[];
  /** A sample file (attachment id) or, for APIs, an example response. */
  sample: { attachmentId?: string | undefined; exampleResponse?: string | undefined };
  scenarios: UseScenario[];
  usagePolicy: UsagePolicy;
  pricing: ProductPricing;
  quality: { statement: string; reportAttachmentId?: string | undefined };
  updateFrequency: UpdateFrequency;
  /** Grade of the product: never lower than its resources' (checked). */
  grade: DataGrade;
  personalInformation: boolean;
  openAttribute: OpenAttribute;
  visibility: Visibility;
  contact: { name: string; phone: string; email: string };
  /** API products: the endpoint tested for connectivity before review. */
  api?: { endpoint: string; method: 'GET' | 'POST'; documentationUrl?: string | undefined } | undefined;
  /** The dataset versions whose quality report and published sample back this registration (≤ 20). */
  datasets?: DatasetReference[];
}
