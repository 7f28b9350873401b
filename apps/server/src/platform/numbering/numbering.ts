/**
 * Human-readable numbers such as `SLX-P-2026-000001`: node prefix, series letter, year, sequence.
 * Taken inside the caller's transaction: the upsert locks the counter row until commit, so concurrent
 * issuers wait instead of colliding, and a rolled-back issue gives its number back.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database.js';
import { numberSequences } from './numbering.tables.js';

/** The next number in `series` for `year`, formatted `<prefix>-<series>-<year>-<6 digits>`. */
export async function takeNumber(
  tx: Executor,
  prefix: string,
  series: string,
  year: number,
): Promise<string> {
  const [row] = await tx
    .insert(numberSequences)
    .values({ series, year, value: 1 })
    .onConflictDoUpdate({
      target: [numberSequences.series, numberSequences.year],
      set: { value: sql`${numberSequences.value} + 1` },
    })
    .returning({ value: numberSequences.value });
  if (!row) throw new Error('number sequence returned nothing');
  return `${prefix}-${series}-${year}-${String(row.value).padStart(6, '0')}`;
}
