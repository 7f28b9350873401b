/**
 * Columns of the normalized copy: names cleaned the same way for every format, DuckDB types mapped
 * to the logical column types, and the casts that give every normalized Parquet one layout (no
 * unsigned or 128-bit integers, no TIME, UUID or nested values).
 */
import type { ColumnType, DatasetColumn } from '@shuliu/core';
import { quoteIdent, quoteLiteral, type DuckDb } from '../../../platform/duckdb/duckdb.js';

/** A column as DuckDB describes a source. */
export interface SourceColumn {
  name: string;
  type: string;
}

/**
 * Column names as a person wrote them: trimmed, an empty name becomes `column_N` (N its 1-based
 * position), and a repeated name (compared case-insensitively, as DuckDB does) gets `_2`, `_3`….
 */
export function normalizeColumnNames(raw: string[]): string[] {
  const taken = new Set<string>();
  return raw.map((name, index) => {
    const base = name.trim() || `column_${index + 1}`;
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}_${n}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** The logical type of a DuckDB type. */
export function columnTypeOf(physicalType: string): ColumnType {
  const type = physicalType.toUpperCase();
  if (type === 'BOOLEAN') return 'boolean';
  if (/^U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)$/.test(type)) return 'integer';
  if (type === 'FLOAT' || type === 'DOUBLE' || type.startsWith('DECIMAL')) return 'decimal';
  if (type === 'DATE') return 'date';
  if (type.startsWith('TIMESTAMP')) return 'datetime';
  if (type === 'BLOB') return 'binary';
  return 'string';
}

/** What to do with a nested value (STRUCT, LIST, MAP, UNION, arrays). */
export type NestedPolicy = 'to_json' | 'reject';

/** How a source type is written to the normalized copy. */
type Conversion =
  { kind: 'keep' } | { kind: 'cast'; to: string } | { kind: 'to_json' } | { kind: 'unsupported' };

function conversionOf(sourceType: string, nested: NestedPolicy): Conversion {
  const type = sourceType.toUpperCase();
  if (/^(STRUCT|MAP|UNION)\(/.test(type) || type.endsWith(']')) {
    return nested === 'to_json' ? { kind: 'to_json' } : { kind: 'unsupported' };
  }
  if (/^(BOOLEAN|TINYINT|SMALLINT|INTEGER|BIGINT|FLOAT|DOUBLE|VARCHAR|DATE|BLOB)$/.test(type))
    return { kind: 'keep' };
  if (/^DECIMAL\(\d+,\s*\d+\)$/.test(type)) return { kind: 'keep' };
  if (type === 'TIMESTAMP' || type === 'TIMESTAMP WITH TIME ZONE') return { kind: 'keep' };
  switch (type) {
    case 'UTINYINT':
      return { kind: 'cast', to: 'SMALLINT' };
    case 'USMALLINT':
      return { kind: 'cast', to: 'INTEGER' };
    case 'UINTEGER':
      return { kind: 'cast', to: 'BIGINT' };
    case 'UBIGINT':
      return { kind: 'cast', to: 'DECIMAL(38,0)' };
    case 'TIMESTAMP_S':
    case 'TIMESTAMP_MS':
    case 'TIMESTAMP_NS':
      return { kind: 'cast', to: 'TIMESTAMP' };
    // 128-bit integers may exceed DECIMAL(38,0); text keeps every digit.
    case 'HUGEINT':
    case 'UHUGEINT':
    case 'UUID':
    case 'TIME':
    case 'TIME_NS':
    case 'TIME WITH TIME ZONE':
    case 'JSON':
    case 'BIT':
      return { kind: 'cast', to: 'VARCHAR' };
    default:
      return type.startsWith('ENUM(') ? { kind: 'cast', to: 'VARCHAR' } : { kind: 'unsupported' };
  }
}

export interface ColumnPlan {
  /** The SELECT list writing the normalized copy, source columns renamed to `names`. */
  selectList: string;
  /** Source columns whose type cannot be normalized. */
  unsupported: SourceColumn[];
}

/** Plans the normalized columns: `names[i]` is the output name of `source[i]`. */
export function planColumns(source: SourceColumn[], names: string[], nested: NestedPolicy): ColumnPlan {
  const unsupported: SourceColumn[] = [];
  const items = source.map((column, index) => {
    const input = quoteIdent(column.name);
    const output = quoteIdent(names[index] ?? column.name);
    const conversion = conversionOf(column.type, nested);
    switch (conversion.kind) {
      case 'keep':
        return `${input} AS ${output}`;
      case 'cast':
        return `CAST(${input} AS ${conversion.to}) AS ${output}`;
      case 'to_json':
        return `CAST(to_json(${input}) AS VARCHAR) AS ${output}`;
      case 'unsupported':
        unsupported.push(column);
        return `${input} AS ${output}`;
    }
  });
  return { selectList: items.join(', '), unsupported };
}

/** Columns of a relation (`DESCRIBE`). */
export async function describeSource(duckdb: DuckDb, relationSql: string): Promise<SourceColumn[]> {
  const rows = await duckdb.all(`DESCRIBE SELECT * FROM ${relationSql}`);
  return rows.map((row) => ({ name: String(row.column_name), type: String(row.column_type) }));
}

/** Columns of the normalized Parquet copy, with their logical types. */
export async function describeColumns(duckdb: DuckDb, parquetPath: string): Promise<DatasetColumn[]> {
  const columns = await describeSource(duckdb, `read_parquet(${quoteLiteral(parquetPath)})`);
  return columns.map(({ name, type }) => ({ name, type: columnTypeOf(type), physicalType: type }));
}
