import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Every state change, written in the same transaction as the change and hash-chained:
 * `hash = SHA-256(prev_hash ‖ JCS(event))`. The database refuses UPDATE and DELETE on this table
 * (trigger in migration 0001), so the application cannot rewrite history.
 */
export const events = pgTable(
  'events',
  {
    /** Position in the chain; assigned under a lock, so it has no gaps. */
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    id: text('id').notNull().unique(),
    /** `<module>.<entity>.<past-verb>`, e.g. `participants.application.approved`. */
    type: text('type').notNull(),
    actorId: text('actor_id'),
    organizationId: text('organization_id'),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    payload: jsonb('payload').notNull().$type<Record<string, unknown>>(),
    requestId: text('request_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull().unique(),
  },
  (t) => [index('events_subject_idx').on(t.subjectType, t.subjectId), index('events_type_idx').on(t.type)],
);
