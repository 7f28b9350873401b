import { bigint, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Files people attach as evidence (business licences, authorizations); bytes live in the blob store. */
export const attachments = pgTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    uploadedBy: text('uploaded_by').notNull(),
    /** business_licence | authorization_letter | other */
    purpose: text('purpose').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attachments_uploaded_by_idx').on(t.uploadedBy)],
);
