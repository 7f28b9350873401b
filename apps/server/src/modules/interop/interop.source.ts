/**
 * The SQL implementation of `InteropSource`: read-only queries over `catalog_entries` (catalog module),
 * `data_resources` (registry), `organizations` (accounts) and `registration_certificates`
 * (registration). Those modules do not export their tables (yet), so the queries name the tables in
 * SQL; the interop module never writes to them. Stored JSON is parsed leniently: a field that does not
 * fit is left out of the export rather than failing the whole response.
 */
import {
  DATA_DOMAINS,
  DATA_FORMATS,
  DELIVERY_METHODS,
  OPEN_ATTRIBUTES,
  POLICY_ACTIONS,
  PRODUCT_FORMS,
  UPDATE_FREQUENCIES,
} from '@shuliu/core';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { containingPattern } from '../../platform/db/like.js';
import type { EntryQuery, ExportedProduct, InteropSource, Publisher } from './interop.port.js';

const constraint = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('purpose'), anyOf: z.array(z.string()) }),
  z.object({ kind: z.literal('period'), from: z.string(), to: z.string() }),
  z.object({ kind: z.literal('count'), max: z.number() }),
  z.object({ kind: z.literal('region'), anyOf: z.array(z.string()) }),
  z.object({ kind: z.literal('recipient_role'), anyOf: z.array(z.string()) }),
]);
const rule = z.object({ action: z.enum(POLICY_ACTIONS), constraints: z.array(constraint) });
const usagePolicy = z.object({ permissions: z.array(rule), prohibitions: z.array(rule) });

/** The parts of a catalog entry's `document` the exports use. */
const ProductDocument = z.object({
  keywords: z.array(z.string()).catch([]),
  updateFrequency: z.enum(UPDATE_FREQUENCIES).nullable().catch(null),
  deliveryMethods: z.array(z.enum(DELIVERY_METHODS)).catch([]),
  usagePolicy: usagePolicy.nullable().catch(null),
  contact: z.object({ name: z.string() }).nullable().catch(null),
  api: z.object({ documentationUrl: z.url().optional() }).nullable().catch(null),
});

/** The parts of a registered `ResourceDescription` the exports use. */
const ResourceDocument = z.object({
  summary: z.string().catch(''),
  keywords: z.array(z.string()).catch([]),
  formats: z.array(z.enum(DATA_FORMATS)).catch([]),
  timeCoverage: z
    .object({ from: z.iso.date(), to: z.iso.date().nullable().optional() })
    .nullable()
    .catch(null),
  spatialCoverage: z.array(z.string().regex(/^\d{6}$/)).catch([]),
  updateFrequency: z.enum(UPDATE_FREQUENCIES).nullable().catch(null),
  openAttribute: z.enum(OPEN_ATTRIBUTES).catch('not_open'),
});

const domainOf = (value: string) => z.enum(DATA_DOMAINS).catch('other').parse(value);

interface EntryRow extends Record<string, unknown> {
  product_id: string;
  organization_id: string;
  provider_name: string;
  name: string;
  summary: string;
  domain: string;
  form: string;
  grade: string;
  pricing_model: string;
  region: string;
  open_attribute: string;
  certificate_number: string;
  document: unknown;
  listed_at: Date | string;
  modified_at: Date | string;
  modified_key: string;
}

const ENTRY_COLUMNS = sql.raw(
  `product_id, organization_id, provider_name, name, summary, domain, form, grade, pricing_model,
   region, open_attribute, certificate_number, document, listed_at, modified_at,
   to_char(modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS modified_key`,
);

function toProduct(row: EntryRow): ExportedProduct {
  const doc = ProductDocument.parse(typeof row.document === 'object' && row.document ? row.document : {});
  return {
    id: row.product_id,
    organizationId: row.organization_id,
    providerName: row.provider_name,
    name: row.name,
    summary: row.summary,
    domain: domainOf(row.domain),
    form: z.enum(PRODUCT_FORMS).catch('dataset').parse(row.form),
    grade: row.grade,
    pricingModel: row.pricing_model,
    region: row.region,
    openAttribute: z.enum(OPEN_ATTRIBUTES).catch('conditional').parse(row.open_attribute),
    certificateNumber: row.certificate_number,
    keywords: doc.keywords,
    updateFrequency: doc.updateFrequency,
    deliveryMethods: doc.deliveryMethods,
    usagePolicy: doc.usagePolicy,
    contactName: doc.contact?.name ?? null,
    apiDocumentationUrl: doc.api?.documentationUrl ?? null,
    listedAt: new Date(row.listed_at),
    modifiedAt: new Date(row.modified_at),
    modifiedKey: row.modified_key,
  };
}

/** The filter every export applies: only entries visible to the public, plus the query's filters. */
function entryConditions(query: Omit<EntryQuery, 'after' | 'offset' | 'limit' | 'order'>): SQL[] {
  const conditions: SQL[] = [sql`visibility = 'public'`];
  if (query.modifiedSince)
    conditions.push(sql`modified_at >= ${query.modifiedSince.toISOString()}::timestamptz`);
  if (query.text) {
    const pattern = containingPattern(query.text);
    conditions.push(
      sql`(name ILIKE ${pattern} OR summary ILIKE ${pattern} OR provider_name ILIKE ${pattern})`,
    );
  }
  if (query.organizationId) conditions.push(sql`organization_id = ${query.organizationId}`);
  for (const tag of query.tags)
    conditions.push(sql`document -> 'keywords' @> ${JSON.stringify([tag])}::jsonb`);
  return conditions;
}

/** Creates the SQL-backed source on `db`. */
export function createInteropSource(db: Db): InteropSource {
  return {
    async listProducts(query) {
      const conditions = entryConditions(query);
      const ascending = query.order === 'modified_asc';
      if (query.after) {
        const at = query.after.at;
        conditions.push(
          ascending
            ? sql`(modified_at, product_id) > (${at}::timestamptz, ${query.after.id})`
            : sql`(modified_at, product_id) < (${at}::timestamptz, ${query.after.id})`,
        );
      }
      const direction = sql.raw(ascending ? 'ASC' : 'DESC');
      const result = await db.execute<EntryRow>(sql`
        SELECT ${ENTRY_COLUMNS} FROM catalog_entries
        WHERE ${sql.join(conditions, sql` AND `)}
        ORDER BY modified_at ${direction}, product_id ${direction}
        LIMIT ${query.limit} OFFSET ${query.offset}`);
      return result.rows.map(toProduct);
    },

    async countProducts(query) {
      const result = await db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM catalog_entries WHERE ${sql.join(entryConditions(query), sql` AND `)}`,
      );
      return result.rows[0]?.n ?? 0;
    },

    async findProduct(id) {
      const result = await db.execute<EntryRow>(
        sql`SELECT ${ENTRY_COLUMNS} FROM catalog_entries WHERE product_id = ${id} AND visibility = 'public'`,
      );
      const row = result.rows[0];
      return row ? toProduct(row) : null;
    },

    async findResource(id) {
      const result = await db.execute<{
        id: string;
        organization_id: string;
        publisher_name: string | null;
        name: string;
        domain: string;
        registered_description: unknown;
        certificate_number: string | null;
        created_at: Date | string;
        updated_at: Date | string;
      }>(sql`
        SELECT r.id, r.organization_id, o.name AS publisher_name, r.name, r.domain,
               r.registered_description, c.number AS certificate_number, r.created_at, r.updated_at
        FROM data_resources r
        LEFT JOIN organizations o ON o.id = r.organization_id
        LEFT JOIN registration_certificates c ON c.id = r.current_certificate_id
        WHERE r.id = ${id} AND r.registered_description IS NOT NULL
          AND r.status NOT IN ('draft', 'cancelled', 'expired')`);
      const row = result.rows[0];
      if (!row || typeof row.registered_description !== 'object' || !row.registered_description) return null;
      const doc = ResourceDocument.parse(row.registered_description);
      // Metadata of resources closed to the public is never published, whatever the caller asks.
      if (doc.openAttribute === 'not_open') return null;
      return {
        id: row.id,
        organizationId: row.organization_id,
        publisherName: row.publisher_name ?? row.organization_id,
        name: row.name,
        summary: doc.summary,
        domain: domainOf(row.domain),
        keywords: doc.keywords,
        formats: doc.formats,
        timeCoverage: doc.timeCoverage
          ? { from: doc.timeCoverage.from, to: doc.timeCoverage.to ?? null }
          : null,
        spatialCoverage: doc.spatialCoverage,
        updateFrequency: doc.updateFrequency,
        openAttribute: doc.openAttribute,
        certificateNumber: row.certificate_number,
        createdAt: new Date(row.created_at),
        modifiedAt: new Date(row.updated_at),
      };
    },

    async listPublishers(): Promise<Publisher[]> {
      const result = await db.execute<{ id: string; name: string; n: number }>(sql`
        SELECT organization_id AS id,
               (array_agg(provider_name ORDER BY modified_at DESC))[1] AS name,
               count(*)::int AS n
        FROM catalog_entries WHERE visibility = 'public'
        GROUP BY organization_id ORDER BY name, organization_id`);
      return result.rows.map((r) => ({ id: r.id, name: r.name, productCount: r.n }));
    },
  };
}
