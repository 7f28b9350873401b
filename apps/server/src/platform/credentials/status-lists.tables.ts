import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { StatusPurpose } from '@shuliu/core';

/** PostgreSQL `bytea` as a Uint8Array (drizzle 0.44 has no built-in bytea column). */
const bytea = customType<{ data: Uint8Array; driverData: Buffer }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value),
});

/**
 * Bitstring Status Lists (W3C) of the credentials this node issues: one bit per issued credential
 * and purpose. Indexes are handed out in order under a row lock; a full list is followed by a new one.
 * Bits are set in SQL (`set_bit`) so concurrent revocations never overwrite each other.
 */
export const credentialStatusLists = pgTable(
  'credential_status_lists',
  {
    /** `stl_…`; the list's URL is `<publicUrl>/api/credentials/status-lists/<id>`. */
    id: text('id').primaryKey(),
    purpose: text('purpose').$type<StatusPurpose>().notNull(),
    sizeBits: integer('size_bits').notNull(),
    /** The bitstring, index 0 = most significant bit of the first byte (as published). */
    bits: bytea('bits').notNull(),
    /** The next index to hand out; the list is full when it reaches `size_bits`. */
    nextIndex: integer('next_index').notNull().default(0),
    /** Bumped on every bit change: the key under which the signed list is cached. */
    revision: integer('revision').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('credential_status_lists_open_idx')
      .on(t.purpose, t.id)
      .where(sql`${t.nextIndex} < ${t.sizeBits}`),
    check('credential_status_lists_purpose_check', sql`${t.purpose} IN ('revocation', 'suspension')`),
    check(
      'credential_status_lists_size_check',
      sql`${t.sizeBits} > 0 AND octet_length(${t.bits}) * 8 = ${t.sizeBits}`,
    ),
    check('credential_status_lists_index_check', sql`${t.nextIndex} BETWEEN 0 AND ${t.sizeBits}`),
  ],
);
