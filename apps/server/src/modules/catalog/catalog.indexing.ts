/**
 * Indexing: a registered product description and its provider → one catalog row. Pure (no I/O), so the
 * server and the benchmark's seeder build rows the same way.
 */
import {
  maskEmail,
  maskPersonName,
  maskPhone,
  toOdrlOffer,
  type ProductDescription,
  type Visibility,
} from '@shuliu/core';
import type { ProductDatasetInfo, ProviderInfo } from './catalog.ports.js';
import { hanBigrams, tokenizeDocument } from './catalog.tokenizer.js';

/** Space-joined tokens per tsvector weight: A name, B keywords, C summary and scenarios, D provider and name bigrams. */
export interface WeightedTokens {
  a: string;
  b: string;
  c: string;
  d: string;
}

/** A catalog row ready to write (the repository turns `tokens` into the `search` tsvector). */
export interface CatalogRow {
  productId: string;
  organizationId: string;
  providerName: string;
  name: string;
  summary: string;
  domain: string;
  form: string;
  grade: string;
  pricingModel: string;
  priceFen: number | null;
  region: string;
  openAttribute: string;
  visibility: Visibility;
  certificateNumber: string;
  tokens: WeightedTokens;
  /** Facet and visibility lexemes (`f.domain.finance`), added to `search` beside the text tokens. */
  facetLexemes: string[];
  document: Record<string, unknown>;
  listedAt: Date;
  modifiedAt: Date;
}

/** What indexing needs beside the description. */
export interface IndexingInput {
  productId: string;
  organizationId: string;
  description: ProductDescription;
  visibility: Visibility;
  provider: ProviderInfo;
  certificate: { number: string; status: string };
  listedAt: Date;
  modifiedAt: Date;
  /** Public base URL of the node, for the verification link and ODRL ids. */
  publicUrl: string;
  /** Dataset versions backing the product (quality figures, published sample); absent = none. */
  datasets?: ProductDatasetInfo[];
}

/** Longest example response kept in the catalog document (the product page shows a preview). */
const SAMPLE_PREVIEW_CHARS = 4000;

/** Province-level division code of a 6-digit code: 310115 → 310000. */
export function provinceOf(divisionCode: string): string {
  return /^\d{2}/.test(divisionCode) ? `${divisionCode.slice(0, 2)}0000` : '000000';
}

/**
 * The facet lexeme of a facet value: `f.domain.finance`, `f.vis.public`. Text tokens are runs of letters
 * and digits only (see catalog.tokenizer.ts), so no document or query text can produce a lexeme with a
 * dot: a filter written as a tsquery over these lexemes can only be satisfied by the indexed value.
 * The value is validated by the request schema (enums, `org_…` ids, 6-digit codes) before it gets here.
 */
export function facetLexeme(facet: FacetLexemeKey, value: string): string {
  return `f.${facet}.${value}`;
}

/** Facets written into the search vector; `vis` is the visibility, the rest mirror the facet columns. */
export type FacetLexemeKey = 'domain' | 'form' | 'grade' | 'pricing' | 'provider' | 'region' | 'open' | 'vis';

/** The facet lexemes of a row: one per facet, so a faceted search is a GIN lookup, not a scan. */
export function facetLexemesOf(row: {
  domain: string;
  form: string;
  grade: string;
  pricingModel: string;
  organizationId: string;
  region: string;
  openAttribute: string;
  visibility: string;
}): string[] {
  return [
    facetLexeme('domain', row.domain),
    facetLexeme('form', row.form),
    facetLexeme('grade', row.grade),
    facetLexeme('pricing', row.pricingModel),
    facetLexeme('provider', row.organizationId),
    facetLexeme('region', row.region),
    facetLexeme('open', row.openAttribute),
    facetLexeme('vis', row.visibility),
  ];
}

/** The weighted search tokens of a description and its provider name. */
export function tokensOf(description: ProductDescription, providerName: string): WeightedTokens {
  const join = (texts: string[]) => texts.flatMap(tokenizeDocument).join(' ');
  return {
    a: join([description.name]),
    b: join(description.keywords),
    c: join([description.summary, ...description.scenarios.flatMap((s) => [s.title, s.description])]),
    d: [...tokenizeDocument(providerName), ...hanBigrams(description.name)].join(' '),
  };
}

/** Builds the catalog row of a listed product: facets, tokens, and the document the product page shows. */
export function indexProduct(input: IndexingInput): CatalogRow {
  const d = input.description;
  const certificatePath = `/certificates/${encodeURIComponent(input.certificate.number)}`;
  const document: Record<string, unknown> = {
    id: input.productId,
    name: d.name,
    summary: d.summary,
    domain: d.domain,
    keywords: d.keywords,
    form: d.form,
    deliveryMethods: d.deliveryMethods,
    scenarios: d.scenarios,
    pricing: d.pricing,
    quality: { statement: d.quality.statement, hasReport: Boolean(d.quality.reportAttachmentId) },
    datasets: input.datasets ?? [],
    updateFrequency: d.updateFrequency,
    grade: d.grade,
    personalInformation: d.personalInformation,
    openAttribute: d.openAttribute,
    visibility: input.visibility,
    sample: {
      hasFile: Boolean(d.sample.attachmentId),
      exampleResponse: d.sample.exampleResponse?.slice(0, SAMPLE_PREVIEW_CHARS) ?? null,
    },
    api: d.api ? { method: d.api.method, documentationUrl: d.api.documentationUrl ?? null } : null,
    policy: toOdrlOffer(d.usagePolicy, {
      policy: `${input.publicUrl}/api/catalog/products/${input.productId}#policy`,
      target: `${input.publicUrl}/api/catalog/products/${input.productId}`,
      assigner: `${input.publicUrl}/api/organizations/${input.organizationId}`,
    }),
    certificate: {
      number: input.certificate.number,
      status: input.certificate.status,
      path: certificatePath,
      verifyUrl: `${input.publicUrl}${certificatePath}`,
    },
    provider: {
      organizationId: input.organizationId,
      name: input.provider.name,
      creditCode: input.provider.creditCode,
      participantCredentialNumber: input.provider.participantCredentialNumber,
      region: provinceOf(input.provider.divisionCode),
      contact: {
        name: maskPersonName(d.contact.name),
        phone: maskPhone(d.contact.phone),
        email: maskEmail(d.contact.email),
      },
    },
    listedAt: input.listedAt.toISOString(),
    modifiedAt: input.modifiedAt.toISOString(),
  };
  const facets = {
    domain: d.domain,
    form: d.form,
    grade: d.grade,
    pricingModel: d.pricing.model,
    organizationId: input.organizationId,
    region: provinceOf(input.provider.divisionCode),
    openAttribute: d.openAttribute,
    visibility: input.visibility,
  };
  return {
    productId: input.productId,
    providerName: input.provider.name,
    name: d.name,
    summary: d.summary,
    ...facets,
    priceFen: d.pricing.amountFen,
    certificateNumber: input.certificate.number,
    tokens: tokensOf(d, input.provider.name),
    facetLexemes: facetLexemesOf(facets),
    document,
    listedAt: input.listedAt,
    modifiedAt: input.modifiedAt,
  };
}
