/**
 * SQL fragments about one column of a normalized Parquet copy: how DuckDB stores it (its physical
 * type decides which aggregates apply) and how to compare it with a value known only as text.
 */
import type { DatasetColumn } from '@shuliu/core';
import { quoteIdent, quoteLiteral } from '../../../platform/duckdb/duckdb.js';

/** How a column is stored, as far as the profile cares. */
export type PhysicalKind = 'text' | 'number' | 'temporal' | 'boolean' | 'blob' | 'other';

const NUMBER_TYPES =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL(\(\d+,\s*\d+\))?)$/;
const TEMPORAL_TYPES =
  /^(DATE|TIME|TIMESTAMP|TIMESTAMP_S|TIMESTAMP_MS|TIMESTAMP_NS|TIMESTAMP WITH TIME ZONE|TIMESTAMPTZ)$/;
/** Scalar type names safe to paste into a CAST (they come from DuckDB, but are checked anyway). */
const SCALAR_TYPE = /^[A-Z][A-Z0-9_ ]*(\(\d+(,\s*\d+)?\))?$/;

/** What kind of storage DuckDB reports for the column. */
export function physicalKindOf(column: DatasetColumn): PhysicalKind {
  const physical = column.physicalType.trim().toUpperCase();
  if (physical === 'VARCHAR') return 'text';
  if (NUMBER_TYPES.test(physical)) return 'number';
  if (TEMPORAL_TYPES.test(physical)) return 'temporal';
  if (physical === 'BOOLEAN') return 'boolean';
  if (physical === 'BLOB') return 'blob';
  return 'other';
}

/** `read_parquet('path')` for a FROM clause. */
export function parquetSource(parquetPath: string, options = ''): string {
  return `read_parquet(${quoteLiteral(parquetPath)}${options ? `, ${options}` : ''})`;
}

/** The column as text: itself when stored as text, a cast otherwise. */
export function textOf(column: DatasetColumn): string {
  const ident = quoteIdent(column.name);
  return physicalKindOf(column) === 'text' ? ident : `CAST(${ident} AS VARCHAR)`;
}

/**
 * A condition true where the column equals `value` (given as text, the way profiles carry values).
 * Scalar columns compare against a literal cast once to the column's type, so no row is cast.
 */
export function equalsText(column: DatasetColumn, value: string): string {
  const ident = quoteIdent(column.name);
  const kind = physicalKindOf(column);
  const physical = column.physicalType.trim().toUpperCase();
  if (kind === 'text') return `${ident} = ${quoteLiteral(value)}`;
  if (kind !== 'other' && kind !== 'blob' && SCALAR_TYPE.test(physical)) {
    return `${ident} = TRY_CAST(${quoteLiteral(value)} AS ${physical})`;
  }
  return `CAST(${ident} AS VARCHAR) = ${quoteLiteral(value)}`;
}

/** An alias that collides with none of the given column names. */
export function freshAlias(base: string, taken: readonly DatasetColumn[]): string {
  const names = new Set(taken.map((c) => c.name));
  let alias = base;
  for (let i = 1; names.has(alias); i++) alias = `${base}_${i}`;
  return alias;
}
