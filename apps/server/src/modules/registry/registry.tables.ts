import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Columns shared by data resources and data products: the owner, the description as last saved
 * (a draft until registered), the description as certified, and the subject's registration status.
 */
const subjectColumns = () => ({
  id: text('id').primaryKey(),
  organizationId: text('organization_id').notNull(),
  createdBy: text('created_by').notNull(),
  /** draft | registering | registered | cancelled | expired */
  status: text('status').notNull(),
  name: text('name').notNull(),
  domain: text('domain').notNull(),
  grade: text('grade').notNull(),
  /** The description as last saved by the holder (may be an unsubmitted draft). */
  description: jsonb('description').notNull().$type<Record<string, unknown>>(),
  /** The description as certified (null until the first certificate). */
  registeredDescription: jsonb('registered_description').$type<Record<string, unknown>>(),
  /** SHA-256 of the JCS of the registered description. */
  contentHash: text('content_hash'),
  currentCertificateId: text('current_certificate_id'),
  /** Optimistic concurrency: bumped by every change. */
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Data resources (数据资源) and the rights their holder claims over them. */
export const dataResources = pgTable(
  'data_resources',
  {
    ...subjectColumns(),
    personalInformation: boolean('personal_information').notNull().default(false),
    rights: text('rights')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [
    index('data_resources_org_idx').on(t.organizationId, t.updatedAt),
    index('data_resources_status_idx').on(t.status),
  ],
);

/** Data products (数据产品) in the unified product description. */
export const dataProducts = pgTable(
  'data_products',
  {
    ...subjectColumns(),
    form: text('form').notNull(),
    pricingModel: text('pricing_model').notNull(),
    /** Resources the product derives from (ids of data_resources). */
    resourceIds: text('resource_ids')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** unlisted | listed | delisted (上架 / 下架); listed products have a catalog entry. */
    listingStatus: text('listing_status').notNull().default('unlisted'),
    /** public | participants: who may find the product once listed. */
    visibility: text('visibility').notNull().default('public'),
    /** Result of the last API connectivity test (API products), shown to reviewers. */
    connectivity: jsonb('connectivity').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('data_products_org_idx').on(t.organizationId, t.updatedAt),
    index('data_products_status_idx').on(t.status),
  ],
);
