import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/** Counters behind human-readable numbers (credential and certificate numbers), per series and year. */
export const numberSequences = pgTable(
  'number_sequences',
  {
    series: text('series').notNull(),
    year: integer('year').notNull(),
    value: integer('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.series, t.year] })],
);
