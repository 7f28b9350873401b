/**
 * Writing the normalized copy: one COPY from a source relation to zstd Parquet with fixed row
 * groups, reporting DuckDB's progress, then counting the rows written.
 */
import { quoteLiteral } from '../../../platform/duckdb/duckdb.js';
import type { IngestContext } from './context.js';
import { runWithProgress, type ProgressSpan } from './progress.js';

const ROW_GROUP_SIZE = 122_880;

/** Copies `SELECT selectList FROM relationSql` into the normalized Parquet. */
export async function writeNormalized(
  ctx: IngestContext,
  relationSql: string,
  selectList: string,
  span: ProgressSpan,
): Promise<void> {
  const target = quoteLiteral(ctx.outputPath);
  await runWithProgress(
    ctx.duckdb,
    `COPY (SELECT ${selectList} FROM ${relationSql}) TO ${target} (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`,
    span,
  );
}

/** Rows in the normalized copy (from the Parquet footer). */
export async function countNormalizedRows(ctx: IngestContext): Promise<number> {
  const rows = await ctx.duckdb.all(
    `SELECT count(*) AS n FROM read_parquet(${quoteLiteral(ctx.outputPath)})`,
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * True for DuckDB errors caused by the data read (malformed input, failed conversions), as opposed
 * to the machine (memory, disk) — DuckDB's error class is only visible as the message's prefix.
 */
export function isInputError(error: unknown): error is Error {
  return error instanceof Error && /^(Invalid Input|Conversion|Binder) Error/.test(error.message);
}

/** A number DuckDB put in its message after `label` (e.g. the line of a CSV error). */
export function numberAfter(message: string, label: RegExp): number | undefined {
  const match = label.exec(message);
  const value = match?.[1];
  return value === undefined ? undefined : Number(value);
}
