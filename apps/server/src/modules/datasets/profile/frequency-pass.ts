/**
 * The profile's grouped pass, for narrow-domain columns (few distinct values, as the sample shows):
 * one `GROUPING SETS` statement that groups each such column by value, returning its exact distinct
 * count and its most frequent values with exact counts. DuckDB groups dictionary-encoded Parquet
 * columns very cheaply (120 names over 10M rows: ~70 ms), far cheaper than comparing every row with
 * a dozen candidates.
 */
import type { DatasetColumn } from '@shuliu/core';
import type { DuckDb } from '../../../platform/duckdb/duckdb.js';
import { quoteIdent } from '../../../platform/duckdb/duckdb.js';
import { parquetSource } from './column-sql.js';

/** Exact value frequencies of one column. */
export interface ColumnFrequencies {
  distinct: number;
  /** Most frequent first; ties by value. */
  top: { value: string; count: number }[];
}

/** Builds the statement: one grouping set per column, ranked and cut to `limit` values each. */
export function buildFrequencySql(
  parquetPath: string,
  columns: readonly DatasetColumn[],
  limit: number,
): string {
  const idents = columns.map((c) => quoteIdent(c.name));
  const key = idents.map((q, i) => `WHEN GROUPING(${q}) = 0 THEN ${i}`).join(' ');
  const value = idents.map((q) => `WHEN GROUPING(${q}) = 0 THEN CAST(${q} AS VARCHAR)`).join(' ');
  return `SELECT k, v, n, d FROM (
  SELECT k, v, n, count(*) OVER (PARTITION BY k) AS d, row_number() OVER (PARTITION BY k ORDER BY n DESC, v) AS r
  FROM (
    SELECT CASE ${key} END AS k, CASE ${value} END AS v, count(*) AS n
    FROM ${parquetSource(parquetPath)}
    GROUP BY GROUPING SETS (${idents.map((q) => `(${q})`).join(', ')})
  ) WHERE v IS NOT NULL
) WHERE r <= ${limit}`;
}

/** Runs the grouped pass; the result has one entry per given column, in order. */
export async function runFrequencyPass(o: {
  duckdb: DuckDb;
  parquetPath: string;
  columns: readonly DatasetColumn[];
  limit: number;
}): Promise<ColumnFrequencies[]> {
  const result: ColumnFrequencies[] = o.columns.map(() => ({ distinct: 0, top: [] }));
  if (o.columns.length === 0) return result;
  const rows = await o.duckdb.all(buildFrequencySql(o.parquetPath, o.columns, o.limit));
  for (const row of rows) {
    const entry = result[Number(row.k)];
    if (!entry) continue;
    entry.distinct = Number(row.d);
    entry.top.push({ value: String(row.v), count: Number(row.n) });
  }
  for (const entry of result)
    entry.top.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return result;
}
