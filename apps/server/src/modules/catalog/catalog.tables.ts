import { sql } from 'drizzle-orm';
import { bigint, customType, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The catalog: one row per listed (上架) product, denormalized for search. `search` holds the
 * jieba-segmented tokens of name, summary, provider and scenarios in a `simple` tsvector (GIN);
 * `name` carries a trigram index for fuzzy matches. Facet columns are plain text for one-pass counts.
 */
export const catalogEntries = pgTable(
  'catalog_entries',
  {
    productId: text('product_id').primaryKey(),
    organizationId: text('organization_id').notNull(),
    providerName: text('provider_name').notNull(),
    name: text('name').notNull(),
    summary: text('summary').notNull(),
    domain: text('domain').notNull(),
    form: text('form').notNull(),
    grade: text('grade').notNull(),
    pricingModel: text('pricing_model').notNull(),
    priceFen: bigint('price_fen', { mode: 'number' }),
    /** Province-level division code (e.g. 310000) of the provider. */
    region: text('region').notNull(),
    openAttribute: text('open_attribute').notNull(),
    /** public | participants: applied in the search query itself. */
    visibility: text('visibility').notNull(),
    certificateNumber: text('certificate_number').notNull(),
    search: tsvector('search').notNull(),
    /** What the product page and the exports show (the certified description, trimmed). */
    document: jsonb('document').notNull().$type<Record<string, unknown>>(),
    listedAt: timestamp('listed_at', { withTimezone: true }).notNull(),
    modifiedAt: timestamp('modified_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('catalog_entries_search_idx').using('gin', t.search),
    index('catalog_entries_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('catalog_entries_listed_idx').on(t.listedAt, t.productId),
    index('catalog_entries_modified_idx').on(t.modifiedAt, t.productId),
    index('catalog_entries_org_idx').on(t.organizationId),
  ],
);
