/**
 * Runs a built rows or count query and returns JSON-safe results, for the preview page and the
 * capped query API. The whole result is held in memory, so callers always pass a `limit`
 * (`MAX_PREVIEW_ROWS`, `MAX_QUERY_ROWS`); unbounded reads go through `exportRows`.
 */
import type { DatasetColumn } from '@shuliu/core';
import type { DuckDb } from '../../../platform/duckdb/duckdb.js';
import type { BuiltQuery, SqlFragment } from './build-query.js';
import { createCellConverter, type Cell } from './cell-value.js';

export type { Cell } from './cell-value.js';

/** Rows as arrays of cells, in the order of `columns`. */
export interface RowsResult {
  columns: DatasetColumn[];
  rows: Cell[][];
}

/** Binary values longer than this show as `[binary N bytes]` in previews and queries. */
export const PREVIEW_MAX_BINARY_BYTES = 1024;

/**
 * The rows of `built` (from `buildRowsQuery`, with a `limit`).
 *
 * @example
 * const built = buildRowsQuery({ parquetPath, columns, limit: MAX_PREVIEW_ROWS, offset: 0 });
 * if (!('error' in built)) return readRows(duckdb, built);
 */
export async function readRows(duckdb: DuckDb, built: BuiltQuery): Promise<RowsResult> {
  const reader = await duckdb.connection.runAndReadAll(built.sql, built.params);
  const rows = reader.convertRows(createCellConverter({ maxBinaryBytes: PREVIEW_MAX_BINARY_BYTES }));
  return { columns: built.columns, rows };
}

/**
 * The number of rows `built` (from `buildCountQuery`) counts.
 *
 * @example
 * const counted = buildCountQuery({ parquetPath, columns, filters });
 * if (!('error' in counted)) total = await countRows(duckdb, counted);
 */
export async function countRows(duckdb: DuckDb, built: SqlFragment): Promise<number> {
  const reader = await duckdb.connection.runAndReadAll(built.sql, built.params);
  const count = reader.getRows()[0]?.[0];
  if (typeof count !== 'bigint') throw new Error('count query returned no count');
  return Number(count);
}
