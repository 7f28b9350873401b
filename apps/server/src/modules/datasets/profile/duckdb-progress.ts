/**
 * Progress of long DuckDB statements: DuckDB knows how far a running query is, but only when asked,
 * so a timer asks while the statement runs and reports the share to the caller.
 */
import type { DuckDb } from '../../../platform/duckdb/duckdb.js';

/** How often the running statement's progress is read. */
const POLL_MS = 300;

/**
 * Runs `statement` and calls `report` with DuckDB's share done (0–1) every 300 ms while it runs.
 *
 * @example
 * const rows = await runWithProgress(duckdb, (share) => bar.update(share), () => duckdb.all(sql));
 */
export async function runWithProgress<T>(
  duckdb: DuckDb,
  report: ((share: number) => void) | undefined,
  statement: () => Promise<T>,
): Promise<T> {
  if (!report) return statement();
  const timer = setInterval(() => {
    const share = duckdb.progress();
    if (share !== null) report(share);
  }, POLL_MS);
  try {
    return await statement();
  } finally {
    clearInterval(timer);
  }
}
