/**
 * The product wizard's values and their conversion to and from the unified product description
 * (ProductDescription in @shuliu/core): the name from its four parts, the price from 元 to fen,
 * evidence files to ids, the policy editor's rows to the closed ODRL subset, and the picked dataset
 * versions (with their published samples) to references.
 */
import {
  DELIVERIES_BY_FORM,
  type DataDomain,
  type DataGrade,
  type DatasetReference,
  type DeliveryMethod,
  type OpenAttribute,
  type PricingModel,
  type ProductDescription,
  type ProductForm,
  type RightsChainLink,
  type UpdateFrequency,
  type UseScenario,
  type Visibility,
} from '@shuliu/core';
import type { ProductDraft } from '../api';
import type { FieldPath } from './field-errors';
import { fenToYuan, yuanToFen } from './money';
import { defaultPolicyValues, policyValuesOf, toUsagePolicy, type PolicyValues } from './policy';
import { composeName, splitProductName, type NameParts } from './product-name';
import { idsOf, itemsOf, type UploadItem } from './uploads';

/** Units a price may be per, by pricing model (the first is the default). */
export const UNITS_BY_MODEL: Record<PricingModel, readonly string[]> = {
  one_off: ['order'],
  subscription: ['month', 'year'],
  per_call: ['call'],
  per_volume: ['1k_rows', 'GB'],
  free_public_welfare: ['order'],
};

export interface RightsLinkValues {
  resourceId?: string;
  right?: RightsChainLink['right'];
  licenceEvidence?: UploadItem[];
}

/** One dataset version picked in the wizard (complete once it has a version). */
export interface DatasetRefValues {
  datasetId?: string;
  versionNumber?: number;
  sampleId?: string;
}

/** The complete references among the picked rows (a row without a version is left out). */
export function datasetReferencesOf(rows: readonly (DatasetRefValues | undefined)[] | undefined) {
  return (rows ?? []).flatMap((r): DatasetReference[] =>
    r?.datasetId && r.versionNumber
      ? [
          {
            datasetId: r.datasetId,
            versionNumber: r.versionNumber,
            ...(r.sampleId ? { sampleId: r.sampleId } : {}),
          },
        ]
      : [],
  );
}

/** Everything the product wizard holds. */
export interface ProductFormValues {
  nameParts?: Partial<NameParts>;
  form?: ProductForm;
  summary?: string;
  domain?: DataDomain;
  keywords?: string[];
  deliveryMethods?: DeliveryMethod[];
  rightsChain?: (RightsLinkValues | undefined)[];
  sampleFile?: UploadItem[];
  exampleResponse?: string;
  scenarios?: (Partial<UseScenario> | undefined)[];
  usagePolicy?: PolicyValues;
  pricing?: { model?: PricingModel; amountYuan?: number | null; unit?: string };
  quality?: { statement?: string; report?: UploadItem[] };
  updateFrequency?: UpdateFrequency;
  grade?: DataGrade;
  personalInformation?: boolean;
  openAttribute?: OpenAttribute;
  visibility?: Visibility;
  contact?: { name?: string; phone?: string; email?: string };
  api?: { endpoint?: string; method?: 'GET' | 'POST'; documentationUrl?: string };
  datasets?: (DatasetRefValues | undefined)[];
}

/** Steps of the product wizard; `api` only appears for API products. */
export const PRODUCT_STEPS = [
  { key: 'basic', fields: ['nameParts', 'form', 'summary', 'domain', 'keywords', 'deliveryMethods'] },
  { key: 'sources', fields: ['rightsChain', 'sampleFile', 'exampleResponse', 'datasets'] },
  { key: 'usage', fields: ['scenarios', 'usagePolicy'] },
  {
    key: 'service',
    fields: [
      'pricing',
      'quality',
      'updateFrequency',
      'grade',
      'personalInformation',
      'openAttribute',
      'visibility',
      'contact',
    ],
  },
  { key: 'api', fields: ['api'] },
  { key: 'confirm', fields: [] },
] as const;

export type ProductStep = (typeof PRODUCT_STEPS)[number];

/** The steps shown for a form (the API step only for API products). */
export function productStepsFor(form: ProductForm | undefined): ProductStep[] {
  return PRODUCT_STEPS.filter((step) => step.key !== 'api' || form === 'api');
}

/** Delivery methods kept when the form changes: only those the new form allows. */
export function allowedDeliveries(form: ProductForm, chosen: readonly DeliveryMethod[] | undefined) {
  const allowed = DELIVERIES_BY_FORM[form];
  const kept = (chosen ?? []).filter((m) => allowed.includes(m));
  return kept.length > 0 ? kept : allowed.slice(0, 1);
}

const text = (value: string | undefined) => (value ?? '').trim();

/**
 * A product as a draft saves it: any subset of the description, where the nested quality and
 * contact objects may also be incomplete. The server validates every field a draft carries, so a
 * field left empty is left out rather than sent as "" (which it refuses, e.g. an empty phone).
 */
export type ProductDraftDescription = Omit<
  Partial<ProductDescription>,
  'quality' | 'contact' | 'scenarios'
> & {
  scenarios?: Partial<ProductDescription['scenarios'][number]>[];
  quality?: Partial<ProductDescription['quality']>;
  contact?: Partial<ProductDescription['contact']>;
};

/** `fields` without the ones that are empty. */
function filledOnly<T extends Record<string, string | undefined>>(fields: T): Partial<T> {
  const filled: Partial<T> = {};
  for (const key of Object.keys(fields) as (keyof T)[]) {
    if (fields[key]) filled[key] = fields[key];
  }
  return filled;
}

/** The (possibly partial) description the form's values describe. */
export function toProductDescription(values: ProductFormValues): ProductDraftDescription {
  const form = values.form;
  const model = values.pricing?.model;
  const amountFen = model === 'free_public_welfare' ? 0 : yuanToFen(values.pricing?.amountYuan);
  const sampleId = idsOf(values.sampleFile)[0];
  const reportId = idsOf(values.quality?.report)[0];
  const example = text(values.exampleResponse);
  const endpoint = text(values.api?.endpoint);
  const docs = text(values.api?.documentationUrl);
  const datasets = datasetReferencesOf(values.datasets);
  return {
    name: form ? composeName(values.nameParts ?? {}, form) : '',
    summary: text(values.summary),
    ...(values.domain ? { domain: values.domain } : {}),
    keywords: (values.keywords ?? []).map((k) => k.trim()).filter((k) => k.length > 0),
    ...(form ? { form } : {}),
    deliveryMethods: values.deliveryMethods ?? [],
    rightsChain: (values.rightsChain ?? []).flatMap((link) =>
      link?.resourceId
        ? [
            {
              resourceId: link.resourceId,
              right: link.right ?? 'processing',
              licenceEvidenceIds: idsOf(link.licenceEvidence),
            },
          ]
        : [],
    ),
    sample: {
      ...(sampleId ? { attachmentId: sampleId } : {}),
      ...(example ? { exampleResponse: example } : {}),
    },
    scenarios: (values.scenarios ?? []).flatMap((s) =>
      s && text(s.title) ? [filledOnly({ title: text(s.title), description: text(s.description) })] : [],
    ),
    usagePolicy: toUsagePolicy(values.usagePolicy),
    ...(model
      ? {
          pricing: {
            model,
            amountFen: amountFen ?? 0,
            unit: values.pricing?.unit ?? UNITS_BY_MODEL[model][0] ?? 'order',
          },
        }
      : {}),
    quality: filledOnly({ statement: text(values.quality?.statement), reportAttachmentId: reportId }),
    ...(values.updateFrequency ? { updateFrequency: values.updateFrequency } : {}),
    ...(values.grade ? { grade: values.grade } : {}),
    personalInformation: values.personalInformation ?? false,
    ...(values.openAttribute ? { openAttribute: values.openAttribute } : {}),
    ...(values.visibility ? { visibility: values.visibility } : {}),
    contact: filledOnly({
      name: text(values.contact?.name),
      phone: text(values.contact?.phone).replace(/\s+/g, ''),
      email: text(values.contact?.email),
    }),
    ...(form === 'api' && endpoint
      ? {
          api: { endpoint, method: values.api?.method ?? 'GET', ...(docs ? { documentationUrl: docs } : {}) },
        }
      : {}),
    ...(datasets.length > 0 ? { datasets } : {}),
  };
}

/** Form values of a saved description. */
export function productFormValuesOf(d: ProductDraft): ProductFormValues {
  const split = d.name ? splitProductName(d.name) : null;
  return {
    nameParts: split
      ? { provider: split.provider, subject: split.subject, granularity: split.granularity }
      : {},
    form: d.form ?? split?.form,
    summary: d.summary,
    domain: d.domain,
    keywords: d.keywords ?? [],
    deliveryMethods: d.deliveryMethods ?? [],
    rightsChain: (d.rightsChain ?? []).map((link) => ({
      resourceId: link.resourceId,
      right: link.right,
      licenceEvidence: itemsOf(link.licenceEvidenceIds),
    })),
    sampleFile: itemsOf(d.sample?.attachmentId ? [d.sample.attachmentId] : []),
    exampleResponse: d.sample?.exampleResponse,
    scenarios: d.scenarios && d.scenarios.length > 0 ? d.scenarios : [{}],
    usagePolicy: d.usagePolicy ? policyValuesOf(d.usagePolicy) : defaultPolicyValues(),
    pricing: d.pricing
      ? {
          model: d.pricing.model,
          amountYuan: d.pricing.amountFen === undefined ? undefined : fenToYuan(d.pricing.amountFen),
          unit: d.pricing.unit,
        }
      : {},
    quality: {
      statement: d.quality?.statement,
      report: itemsOf(d.quality?.reportAttachmentId ? [d.quality.reportAttachmentId] : []),
    },
    updateFrequency: d.updateFrequency,
    grade: d.grade,
    personalInformation: d.personalInformation ?? false,
    openAttribute: d.openAttribute,
    visibility: d.visibility ?? 'public',
    contact: { ...d.contact },
    api: { method: 'GET', ...d.api },
    datasets: (d.datasets ?? []).map((r) => ({ ...r })),
  };
}

/** Starting values of a new product. */
export function emptyProductValues(defaults: {
  provider: string;
  contact: { name: string; email: string };
}): ProductFormValues {
  return {
    ...productFormValuesOf({}),
    nameParts: { provider: defaults.provider },
    form: 'dataset',
    deliveryMethods: ['file_download'],
    rightsChain: [{ right: 'processing', licenceEvidence: [] }],
    openAttribute: 'conditional',
    contact: { ...defaults.contact },
  };
}

/** The form field a description path belongs to. */
export function productFieldOf(path: FieldPath): FieldPath | null {
  const [top, index, leaf] = path;
  if (top === 'name') return ['nameParts', 'subject'];
  if (top === 'pricing' && index === 'amountFen') return ['pricing', 'amountYuan'];
  if (top === 'sample') return index === 'exampleResponse' ? ['exampleResponse'] : ['sampleFile'];
  if (top === 'quality' && index === 'reportAttachmentId') return ['quality', 'report'];
  if (top === 'rightsChain' && leaf === 'licenceEvidenceIds')
    return ['rightsChain', index ?? 0, 'licenceEvidence'];
  if (top === 'usagePolicy') return ['usagePolicy', ...path.slice(1, 3)];
  return path.length > 0 ? path : null;
}
