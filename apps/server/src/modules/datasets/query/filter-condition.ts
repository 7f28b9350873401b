/**
 * One row filter of the preview and query API turned into a SQL condition: which operators each
 * logical column type allows, and how the filter's value is read as that type. Values always become
 * bound parameters; only the (quoted) column name is written into the SQL.
 */
import type { ColumnType, DatasetColumn, ErrorCode, FilterOperator, RowFilter } from '@shuliu/core';
import type { DuckDBValue } from '@duckdb/node-api';
import { quoteIdent } from '../../../platform/duckdb/duckdb.js';

/** Codes a caller may get back for a filter, sort or column list it sent. */
export type QueryErrorCode = Extract<
  ErrorCode,
  'datasets.query.unknown_column' | 'datasets.query.bad_operator' | 'datasets.query.bad_value'
>;

/** A refusal of the caller's request, with details for the error message (`{column}`, `{op}`, `{value}`). */
export interface QueryError {
  error: { code: QueryErrorCode; details: Record<string, unknown> };
}

/** A piece of SQL with the values of its `?` placeholders, in order. */
export interface SqlFragment {
  sql: string;
  params: DuckDBValue[];
}

const COMPARISONS = ['eq', 'ne', 'lt', 'le', 'gt', 'ge'] as const;
const NULL_CHECKS = ['is_null', 'not_null'] as const;

/**
 * Operators each logical type allows. `contains` is for text only; booleans have no order; binary
 * values can only be tested for presence, since no one can type them into a filter.
 */
export const OPERATORS_BY_TYPE: Record<ColumnType, readonly FilterOperator[]> = {
  string: [...COMPARISONS, 'contains', ...NULL_CHECKS],
  integer: [...COMPARISONS, ...NULL_CHECKS],
  decimal: [...COMPARISONS, ...NULL_CHECKS],
  date: [...COMPARISONS, ...NULL_CHECKS],
  datetime: [...COMPARISONS, ...NULL_CHECKS],
  boolean: ['eq', 'ne', ...NULL_CHECKS],
  binary: [...NULL_CHECKS],
};

/** What a value for each type looks like, shown to the caller when theirs does not fit. */
const EXPECTED_VALUE: Record<ColumnType, string> = {
  string: 'text',
  integer: '123',
  decimal: '12.5',
  boolean: 'true | false',
  date: 'YYYY-MM-DD',
  datetime: 'YYYY-MM-DDTHH:MM:SS',
  binary: '-',
};

/** A filter value read as the column's type: the parameter, and the SQL that stands for it. */
interface BoundValue {
  param: DuckDBValue;
  placeholder: string;
}

/**
 * The SQL condition for `filter` on `column`, or why it cannot be applied.
 *
 * `ne` keeps rows whose value is null (a missing value is "not equal" to anything a person typed),
 * `contains` ignores letter case and treats `%` and `_` literally.
 *
 * @example
 * buildFilterCondition({ column: 'age', op: 'ge', value: '18' }, { name: 'age', type: 'integer', physicalType: 'BIGINT' })
 * // → { sql: '"age" >= ?', params: [18n] }
 */
export function buildFilterCondition(filter: RowFilter, column: DatasetColumn): SqlFragment | QueryError {
  const { op } = filter;
  if (!OPERATORS_BY_TYPE[column.type].includes(op)) {
    return {
      error: { code: 'datasets.query.bad_operator', details: { column: column.name, op, type: column.type } },
    };
  }
  const ident = quoteIdent(column.name);
  if (op === 'is_null') return { sql: `${ident} IS NULL`, params: [] };
  if (op === 'not_null') return { sql: `${ident} IS NOT NULL`, params: [] };

  const bound = filter.value === undefined ? null : bindValue(filter.value, column);
  if (!bound) {
    return {
      error: {
        code: 'datasets.query.bad_value',
        details: {
          column: column.name,
          op,
          value: filter.value ?? null,
          type: column.type,
          expected: EXPECTED_VALUE[column.type],
        },
      },
    };
  }
  const { param, placeholder } = bound;
  switch (op) {
    case 'eq':
      return { sql: `${ident} = ${placeholder}`, params: [param] };
    case 'ne':
      return { sql: `${ident} IS DISTINCT FROM ${placeholder}`, params: [param] };
    case 'lt':
      return { sql: `${ident} < ${placeholder}`, params: [param] };
    case 'le':
      return { sql: `${ident} <= ${placeholder}`, params: [param] };
    case 'gt':
      return { sql: `${ident} > ${placeholder}`, params: [param] };
    case 'ge':
      return { sql: `${ident} >= ${placeholder}`, params: [param] };
    case 'contains':
      // contains() matches the text literally, so `%` and `_` in the value need no escaping.
      return { sql: `contains(lower(${ident}), lower(${placeholder}))`, params: [param] };
  }
}

/** `value` read as `column`'s type, or null when it is not a value of that type. */
function bindValue(value: string | number | boolean, column: DatasetColumn): BoundValue | null {
  switch (column.type) {
    case 'string':
      return { param: String(value), placeholder: '?' };
    case 'integer': {
      const integer = readInteger(value);
      // A bigint binds as HUGEINT, so every integer column type compares exactly.
      return integer === null ? null : { param: integer, placeholder: '?' };
    }
    case 'decimal': {
      const number = readDecimal(value);
      return number === null ? null : { param: number, placeholder: '?' };
    }
    case 'boolean': {
      const boolean = readBoolean(value);
      return boolean === null ? null : { param: boolean, placeholder: '?' };
    }
    case 'date':
      return typeof value === 'string' && isDate(value.trim())
        ? { param: value.trim(), placeholder: 'CAST(? AS DATE)' }
        : null;
    case 'datetime':
      return bindDateTime(value, column);
    case 'binary':
      return null;
  }
}

const INTEGER_TEXT = /^[+-]?\d{1,38}$/;
const DECIMAL_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function readInteger(value: string | number | boolean): bigint | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : null;
  if (typeof value === 'string' && INTEGER_TEXT.test(value.trim())) return BigInt(value.trim());
  return null;
}

function readDecimal(value: string | number | boolean): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || !DECIMAL_TEXT.test(value.trim())) return null;
  const number = Number(value.trim());
  return Number.isFinite(number) ? number : null;
}

function readBoolean(value: string | number | boolean): boolean | null {
  if (typeof value === 'boolean') return value;
  const text = String(value).trim().toLowerCase();
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  return null;
}

/** Is `text` a real calendar date written `YYYY-MM-DD`? */
function isDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC maps years 0–99 to 1900–1999; setting the full year undoes that.
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const DATE_TIME_TEXT =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * A date, optionally with a time, read for a datetime column. An offset (`Z`, `+08:00`) is accepted
 * only for columns that store one: DuckDB silently drops it when casting to a plain TIMESTAMP, which
 * would compare against a different instant than the caller meant.
 */
function bindDateTime(value: string | number | boolean, column: DatasetColumn): BoundValue | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const match = DATE_TIME_TEXT.exec(text);
  if (!match || !isDate(match[1] ?? '')) return null;
  const [hour, minute, second] = [Number(match[2] ?? 0), Number(match[3] ?? 0), Number(match[4] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  const hasZone = /TIME ZONE|TIMESTAMPTZ/i.test(column.physicalType);
  if (match[5] !== undefined && !hasZone) return null;
  return { param: text, placeholder: hasZone ? 'CAST(? AS TIMESTAMPTZ)' : 'CAST(? AS TIMESTAMP)' };
}
