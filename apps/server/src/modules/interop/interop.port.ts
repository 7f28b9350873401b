/**
 * What the standard read interfaces need from the catalog and the registry, as a port: the DCAT and
 * CKAN code depends on this interface only, so the catalog and registry modules can change their
 * tables and services without touching the exports. `interop.source.ts` implements it in SQL.
 */
import type {
  DataDomain,
  DataFormat,
  DeliveryMethod,
  OpenAttribute,
  ProductForm,
  UpdateFrequency,
  UsagePolicy,
} from '@shuliu/core';

/** A listed product as the exports see it (public entries only). */
export interface ExportedProduct {
  id: string;
  organizationId: string;
  providerName: string;
  name: string;
  summary: string;
  domain: DataDomain;
  form: ProductForm;
  grade: string;
  pricingModel: string;
  /** Province-level division code of the provider. */
  region: string;
  openAttribute: OpenAttribute;
  certificateNumber: string;
  keywords: string[];
  updateFrequency: UpdateFrequency | null;
  deliveryMethods: DeliveryMethod[];
  usagePolicy: UsagePolicy | null;
  /** Contact person's name (unmasked here; every export masks it). */
  contactName: string | null;
  apiDocumentationUrl: string | null;
  listedAt: Date;
  modifiedAt: Date;
  /** `modified_at` at full (microsecond) precision, for keyset cursors that never repeat a row. */
  modifiedKey: string;
}

/** A registered data resource whose open attribute allows publishing its metadata. */
export interface ExportedResource {
  id: string;
  organizationId: string;
  publisherName: string;
  name: string;
  summary: string;
  domain: DataDomain;
  keywords: string[];
  formats: DataFormat[];
  timeCoverage: { from: string; to: string | null } | null;
  spatialCoverage: string[];
  updateFrequency: UpdateFrequency | null;
  openAttribute: OpenAttribute;
  certificateNumber: string | null;
  createdAt: Date;
  modifiedAt: Date;
}

/** An organization with listed products (a CKAN "organization", a DCAT publisher). */
export interface Publisher {
  id: string;
  name: string;
  productCount: number;
}

/** Which public entries to list, in which order, from where. */
export interface EntryQuery {
  modifiedSince: Date | null;
  /** Keyset position (`modifiedKey`, id): entries strictly after it in `order`. */
  after: { at: string; id: string } | null;
  offset: number;
  limit: number;
  order: 'modified_asc' | 'modified_desc';
  /** Free text matched against name, summary and provider (ILIKE). */
  text: string | null;
  organizationId: string | null;
  /** Every tag must be among the entry's keywords. */
  tags: string[];
}

/** The read port over the catalog and the registry. Every method sees public data only. */
export interface InteropSource {
  listProducts(query: EntryQuery): Promise<ExportedProduct[]>;
  countProducts(query: Omit<EntryQuery, 'after' | 'offset' | 'limit' | 'order'>): Promise<number>;
  findProduct(id: string): Promise<ExportedProduct | null>;
  findResource(id: string): Promise<ExportedResource | null>;
  listPublishers(): Promise<Publisher[]>;
}

/** A query listing every public entry, for callers that set only a few fields. */
export const ALL_ENTRIES: EntryQuery = {
  modifiedSince: null,
  after: null,
  offset: 0,
  limit: 100,
  order: 'modified_asc',
  text: null,
  organizationId: null,
  tags: [],
};
