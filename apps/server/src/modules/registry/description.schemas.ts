/**
 * Zod schemas of the registrable descriptions: `ResourceDescription` and `ProductDescription` from
 * packages/core (the contract between modules), in two strengths. The full schemas are what a
 * submission must pass; the draft schemas accept any subset (a wizard saves as it goes) but still
 * validate every field that is present, with the same limits, so a draft can never hold a 10 KB name.
 */
import { z } from '@hono/zod-openapi';
import {
  DATA_DOMAINS,
  DATA_FORMATS,
  DATA_GRADES,
  DATA_RIGHTS,
  DELIVERY_METHODS,
  ITEM_SENSITIVITIES,
  ITEM_TYPES,
  MAX_DATASET_REFERENCES,
  OPEN_ATTRIBUTES,
  POLICY_ACTIONS,
  PRICING_MODELS,
  PRODUCT_FORMS,
  SHARE_ATTRIBUTES,
  SOURCE_METHODS,
  UPDATE_FREQUENCIES,
  VISIBILITIES,
  type ProductDescription,
  type ResourceDescription,
} from '@shuliu/core';

/** Trimmed text of at most `max` characters (may be empty: drafts; full schemas add `.min(1)`). */
const text = (max: number) => z.string().trim().max(max);
const attachmentId = z.string().trim().min(1).max(64).describe('Attachment id (`att_…`), uploaded first');
const attachmentIds = z.array(attachmentId).max(20);
const isoDate = z.iso.date().describe('ISO date, YYYY-MM-DD');
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const httpUrl = z.url({ protocol: /^https?$/ }).max(2000);

/** A dataset version (and optionally a published sample) backing the description. */
const DatasetReference = z
  .object({
    datasetId: z.string().trim().min(1).max(64).describe('A dataset of the organization (`dst_…`)'),
    versionNumber: z
      .number()
      .int()
      .min(1)
      .max(2_147_483_647)
      .describe('Version number of that dataset; the version must be processed (ready)'),
    sampleId: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .optional()
      .describe('A published sample of that dataset (`smp_…`), shown on the public product page'),
  })
  .openapi('DatasetReference');
const datasetReferences = z
  .array(DatasetReference)
  .max(MAX_DATASET_REFERENCES)
  .describe('Dataset versions whose quality report and published sample back this registration');
/** Drafts may hold a reference picked halfway (dataset chosen, version not yet). */
const draftDatasetReferences = z.array(DatasetReference.partial()).max(MAX_DATASET_REFERENCES);

/** Limits shared by both strengths. */
export const LIMITS = {
  name: 120,
  summary: 2000,
  keywords: 20,
  keyword: 40,
  dataItems: 500,
  scenarios: 20,
  rules: 20,
  exampleResponse: 20_000,
} as const;

// ---------------------------------------------------------------- resource parts

const DataItem = z.object({
  name: text(64).min(1).describe('Field name'),
  type: z.enum(ITEM_TYPES).describe('Field type'),
  description: text(500).describe('What the field holds'),
  sensitivity: z.enum(ITEM_SENSITIVITIES).describe('none, personal, sensitive_personal or important'),
});
const Volume = z.object({
  records: count.optional().describe('Number of records'),
  bytes: count.optional().describe('Size in bytes'),
});
const TimeCoverage = z.object({
  from: isoDate.describe('First day covered'),
  to: isoDate.optional().describe('Last day covered; absent while the data keeps growing'),
});
const divisionCode = z
  .string()
  .regex(/^\d{6}$/)
  .describe('Division code (GB/T 2260); 100000 = whole country');
const Source = z.object({
  method: z.enum(SOURCE_METHODS).describe('How the data was obtained'),
  description: text(1000).min(1).describe('How, from whom, under which agreement'),
});

const resourceFields = {
  name: text(LIMITS.name).min(1).describe('Resource name'),
  summary: text(LIMITS.summary).min(1).describe('What the data is and what it covers'),
  domain: z.enum(DATA_DOMAINS).describe('Domain / industry'),
  keywords: z.array(text(LIMITS.keyword).min(1)).max(LIMITS.keywords).describe('Free keywords (zh or en)'),
  dataItems: z.array(DataItem).min(1).max(LIMITS.dataItems).describe('Data items (fields)'),
  formats: z.array(z.enum(DATA_FORMATS)).min(1).max(DATA_FORMATS.length).describe('Formats'),
  volume: Volume.describe('Volume'),
  timeCoverage: TimeCoverage.describe('Time span covered'),
  spatialCoverage: z.array(divisionCode).min(1).max(100).describe('Divisions covered'),
  updateFrequency: z.enum(UPDATE_FREQUENCIES).describe('Update frequency'),
  source: Source.describe('Source and acquisition method'),
  legalityEvidenceIds: attachmentIds.describe('Evidence of lawful source (attachments of the organization)'),
  rights: z.array(z.enum(DATA_RIGHTS)).min(1).max(DATA_RIGHTS.length).describe('Rights claimed (三权分置)'),
  grade: z.enum(DATA_GRADES).describe('Classification grade (GB/T 43697-2024); CORE is never tradable'),
  personalInformation: z.boolean().describe('Holds personal information'),
  shareAttribute: z.enum(SHARE_ATTRIBUTES).describe('Share attribute (共享属性)'),
  openAttribute: z.enum(OPEN_ATTRIBUTES).describe('Open attribute (开放属性)'),
  datasets: datasetReferences.optional(),
};

/** A complete data resource description, as a submission requires. */
export const ResourceDescriptionSchema = z.object(resourceFields).openapi('ResourceDescription');

/** A resource draft: any subset of the fields, each validated when present. */
export const ResourceDraftSchema = z
  .object({
    ...resourceFields,
    name: text(LIMITS.name),
    summary: text(LIMITS.summary),
    dataItems: z.array(DataItem.partial()).max(LIMITS.dataItems),
    formats: z.array(z.enum(DATA_FORMATS)).max(DATA_FORMATS.length),
    timeCoverage: TimeCoverage.partial(),
    spatialCoverage: z.array(divisionCode).max(100),
    source: Source.partial(),
    rights: z.array(z.enum(DATA_RIGHTS)).max(DATA_RIGHTS.length),
    datasets: draftDatasetReferences,
  })
  .partial()
  .openapi('ResourceDraft');
export type ResourceDraft = z.infer<typeof ResourceDraftSchema>;

// ---------------------------------------------------------------- product parts

const anyOf = z.array(text(100).min(1)).min(1).max(20);
const PolicyConstraint = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('purpose'), anyOf: anyOf.describe('Allowed purposes') }),
  z.object({ kind: z.literal('period'), from: isoDate, to: isoDate }),
  z.object({ kind: z.literal('count'), max: z.number().int().positive().max(1e12) }),
  z.object({ kind: z.literal('region'), anyOf: anyOf.describe('Division codes or region names') }),
  z.object({ kind: z.literal('recipient_role'), anyOf: anyOf.describe('Participant roles') }),
]);
const PolicyRule = z.object({
  action: z.enum(POLICY_ACTIONS).describe('ODRL action'),
  constraints: z.array(PolicyConstraint).max(10).describe('Closed set: purpose, period, count, region, role'),
});
const UsagePolicy = z.object({
  permissions: z.array(PolicyRule).max(LIMITS.rules).describe('What the buyer may do'),
  prohibitions: z.array(PolicyRule).max(LIMITS.rules).describe('What the buyer may not do'),
});
const Scenario = z.object({
  title: text(100).min(1).describe('Scenario title'),
  description: text(2000).min(1).describe('Who uses the product for what'),
});
const RightsChainLink = z.object({
  resourceId: z.string().trim().min(1).max(64).describe('A registered data resource (`res_…`)'),
  right: z.enum(DATA_RIGHTS).describe('The right over the resource the product relies on'),
  licenceEvidenceIds: attachmentIds.describe('Licences from another holder; empty for own resources'),
});
const Sample = z.object({
  attachmentId: attachmentId.optional().describe('Sample file'),
  exampleResponse: text(LIMITS.exampleResponse).optional().describe('Example API response'),
});
const Pricing = z.object({
  model: z.enum(PRICING_MODELS).describe('Pricing model'),
  amountFen: count.describe('Price in fen (分) per unit; 0 for free_public_welfare'),
  unit: text(20).min(1).describe('Unit: order, month, year, call, 1k_rows, GB'),
});
const Quality = z.object({
  statement: text(2000).min(1).describe('Quality statement (completeness, accuracy, timeliness…)'),
  reportAttachmentId: attachmentId.optional().describe('Third-party quality report'),
});
const Contact = z.object({
  name: text(50).min(1).describe('Contact person'),
  phone: z
    .string()
    .trim()
    .regex(/^(\+?86)?1\d{10}$|^0\d{2,3}-?\d{7,8}$/, 'a mainland mobile or landline number')
    .describe('Contact phone; masked outside the organization'),
  email: z.email().max(254).describe('Contact email'),
});
const Api = z.object({
  endpoint: httpUrl.describe('Endpoint tested for connectivity (http/https)'),
  method: z.enum(['GET', 'POST']).describe('HTTP method'),
  documentationUrl: httpUrl.optional().describe('API documentation'),
});

const productFields = {
  name: text(LIMITS.name).min(1).describe('Name following provider·subject·form·granularity'),
  summary: text(LIMITS.summary).min(1).describe('What the product offers'),
  domain: z.enum(DATA_DOMAINS).describe('Domain / industry'),
  keywords: z.array(text(LIMITS.keyword).min(1)).max(LIMITS.keywords).describe('Free keywords'),
  form: z.enum(PRODUCT_FORMS).describe('Product form'),
  deliveryMethods: z.array(z.enum(DELIVERY_METHODS)).min(1).max(DELIVERY_METHODS.length),
  rightsChain: z.array(RightsChainLink).max(50).describe('Resources the product derives from'),
  sample: Sample.describe('Sample file or example response (one required)'),
  scenarios: z.array(Scenario).max(LIMITS.scenarios).describe('Use scenarios (at least one to submit)'),
  usagePolicy: UsagePolicy.describe('Machine-readable usage policy (ODRL subset)'),
  pricing: Pricing.describe('Pricing'),
  quality: Quality.describe('Quality statement'),
  updateFrequency: z.enum(UPDATE_FREQUENCIES).describe('Update frequency'),
  grade: z.enum(DATA_GRADES).describe('Grade; never lower than its resources’'),
  personalInformation: z.boolean().describe('Involves personal information'),
  openAttribute: z.enum(OPEN_ATTRIBUTES).describe('Open attribute'),
  visibility: z.enum(VISIBILITIES).describe('Who may find it once listed'),
  contact: Contact.describe('Contact for buyers'),
  api: Api.optional().describe('API products: the endpoint'),
  datasets: datasetReferences.optional(),
};

/** A complete unified product description, as a submission requires. */
export const ProductDescriptionSchema = z.object(productFields).openapi('ProductDescription');

/** A product draft: any subset of the fields, each validated when present. */
export const ProductDraftSchema = z
  .object({
    ...productFields,
    name: text(LIMITS.name),
    summary: text(LIMITS.summary),
    deliveryMethods: z.array(z.enum(DELIVERY_METHODS)).max(DELIVERY_METHODS.length),
    rightsChain: z.array(RightsChainLink.partial()).max(50),
    scenarios: z.array(Scenario.partial()).max(LIMITS.scenarios),
    usagePolicy: UsagePolicy.partial(),
    pricing: Pricing.partial(),
    quality: Quality.partial(),
    contact: Contact.partial(),
    api: Api.partial(),
    datasets: draftDatasetReferences,
  })
  .partial()
  .openapi('ProductDraft');
export type ProductDraft = z.infer<typeof ProductDraftSchema>;

// ------------------------------------------------- compile-time contract with packages/core

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const assertTrue = <T extends true>(value: T) => value;
/** Fails to compile when the zod output and the core interface drift apart. */
export const DESCRIPTION_CONTRACT = {
  resource: assertTrue<Same<z.infer<typeof ResourceDescriptionSchema>, ResourceDescription>>(true),
  product: assertTrue<Same<z.infer<typeof ProductDescriptionSchema>, ProductDescription>>(true),
} as const;
