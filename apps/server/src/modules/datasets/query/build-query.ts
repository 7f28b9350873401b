/**
 * SQL for reading a version's normalized Parquet copy: chosen columns, filters, sort and a page, and
 * the count of rows the filters keep. Pure: checks the request against the version's columns and
 * returns SQL with bound parameters, or a coded refusal for the caller. Nothing but quoted column
 * names and the (server-chosen) file path is written into the SQL text.
 */
import type { DatasetColumn, RowFilter } from '@shuliu/core';
import { quoteIdent, quoteLiteral } from '../../../platform/duckdb/duckdb.js';
import { buildFilterCondition, type QueryError, type SqlFragment } from './filter-condition.js';

export type { QueryError, QueryErrorCode, SqlFragment } from './filter-condition.js';

/** One sort key; later keys break ties of earlier ones. */
export interface SortKey {
  column: string;
  direction: 'asc' | 'desc';
}

export interface RowsQueryOptions {
  /** The version's normalized Parquet file on local disk. */
  parquetPath: string;
  /** The version's columns: every name in the request must be one of these. */
  columns: DatasetColumn[];
  /** Columns to return, in this order; all columns when absent or empty. */
  select?: string[];
  /** Conditions a row must all meet. */
  filters?: RowFilter[];
  sort?: SortKey[];
  /** Rows to return at most; all when absent. A non-negative integer (the route caps it). */
  limit?: number;
  /** Rows to skip first. A non-negative integer. */
  offset?: number;
}

/** A rows query ready to run, with the columns its result holds, in order. */
export interface BuiltQuery extends SqlFragment {
  columns: DatasetColumn[];
}

/**
 * DuckDB's virtual column holding each row's position in the Parquet file (0-based). Ordering by it
 * makes pages stable: without an ORDER BY, LIMIT/OFFSET may legally return any rows.
 */
const FILE_ROW_NUMBER = 'file_row_number';

/**
 * The query for one page (or, without `limit`, all) of the rows `o.filters` keep.
 *
 * Order: by `o.sort` (nulls last) with the file's row order breaking ties; without a sort, the file's
 * row order. A query without sort and page (an export) leaves out the ORDER BY, because DuckDB then
 * streams the rows in file order anyway (`preserve_insertion_order`, on by default) and an explicit
 * one would make it sort the whole file before sending the first row.
 *
 * @throws RangeError when `limit` or `offset` is not a non-negative integer (the route validates them).
 * @example
 * const built = buildRowsQuery({ parquetPath, columns, filters: [{ column: '城市', op: 'eq', value: '北京' }], limit: 100 });
 * if ('error' in built) throw badRequest(built.error.code, built.error.details);
 */
export function buildRowsQuery(o: RowsQueryOptions): BuiltQuery | QueryError {
  const byName = new Map(o.columns.map((column) => [column.name, column]));
  const selected: DatasetColumn[] = [];
  for (const name of o.select?.length ? o.select : o.columns.map((column) => column.name)) {
    const column = byName.get(name);
    if (!column) return unknownColumn(name);
    selected.push(column);
  }

  const where = buildWhere(o.filters ?? [], byName);
  if ('error' in where) return where;

  const order: string[] = [];
  for (const key of o.sort ?? []) {
    if (!byName.has(key.column)) return unknownColumn(key.column);
    order.push(`${quoteIdent(key.column)} ${key.direction === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`);
  }
  const isPaged = o.limit !== undefined || o.offset !== undefined;
  if (order.length > 0 || isPaged) order.push(...rowOrderTerms(o.columns, order.length > 0));

  const params = [...where.params];
  let sql = `SELECT ${selected.map((column) => quoteIdent(column.name)).join(', ')} FROM ${source(o.parquetPath)}${where.sql}`;
  if (order.length > 0) sql += ` ORDER BY ${order.join(', ')}`;
  if (o.limit !== undefined) {
    sql += ' LIMIT ?';
    params.push(checkedCount('limit', o.limit));
  }
  if (o.offset !== undefined) {
    sql += ' OFFSET ?';
    params.push(checkedCount('offset', o.offset));
  }
  return { sql, params, columns: selected };
}

/**
 * The query counting the rows `o.filters` keep; its one row has one column, `n`.
 *
 * @example
 * const count = buildCountQuery({ parquetPath, columns, filters });
 */
export function buildCountQuery(
  o: Pick<RowsQueryOptions, 'parquetPath' | 'columns' | 'filters'>,
): SqlFragment | QueryError {
  const where = buildWhere(o.filters ?? [], new Map(o.columns.map((column) => [column.name, column])));
  if ('error' in where) return where;
  return { sql: `SELECT count(*) AS n FROM ${source(o.parquetPath)}${where.sql}`, params: where.params };
}

function source(parquetPath: string): string {
  return `read_parquet(${quoteLiteral(parquetPath)})`;
}

/** ` WHERE a AND b …` (empty without filters), or the first filter's refusal. */
function buildWhere(filters: RowFilter[], byName: Map<string, DatasetColumn>): SqlFragment | QueryError {
  const conditions: string[] = [];
  const params: SqlFragment['params'] = [];
  for (const filter of filters) {
    const column = byName.get(filter.column);
    if (!column) return unknownColumn(filter.column);
    const condition = buildFilterCondition(filter, column);
    if ('error' in condition) return condition;
    conditions.push(`(${condition.sql})`);
    params.push(...condition.params);
  }
  return { sql: conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '', params };
}

/**
 * ORDER BY terms that put rows in file order. A data column named `file_row_number` hides DuckDB's
 * virtual one; then an unsorted page relies on DuckDB keeping file order (no terms), and a sorted one
 * breaks ties on every column, so only rows identical in every column (which no one can tell apart)
 * may swap places between pages.
 */
function rowOrderTerms(columns: DatasetColumn[], isSorted: boolean): string[] {
  const isHidden = columns.some((column) => column.name.toLowerCase() === FILE_ROW_NUMBER);
  if (!isHidden) return [FILE_ROW_NUMBER];
  return isSorted ? columns.map((column) => `${quoteIdent(column.name)} ASC NULLS LAST`) : [];
}

function unknownColumn(name: string): QueryError {
  return { error: { code: 'datasets.query.unknown_column', details: { column: name } } };
}

function checkedCount(name: 'limit' | 'offset', value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
  return value;
}
