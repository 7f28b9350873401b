/**
 * The query builder on its own: requests it refuses (with which code and details), and the shape of
 * what it builds — values bound as parameters, order and paging. Running the SQL is read-rows.test.ts.
 */
import type { DatasetColumn, RowFilter } from '@shuliu/core';
import { describe, expect, it } from 'vitest';
import { buildCountQuery, buildRowsQuery, type BuiltQuery, type QueryError } from './build-query.js';

const columns: DatasetColumn[] = [
  { name: '城市', type: 'string', physicalType: 'VARCHAR' },
  { name: 'age', type: 'integer', physicalType: 'BIGINT' },
  { name: 'price', type: 'decimal', physicalType: 'DECIMAL(10,2)' },
  { name: 'ok', type: 'boolean', physicalType: 'BOOLEAN' },
  { name: 'day', type: 'date', physicalType: 'DATE' },
  { name: 'at', type: 'datetime', physicalType: 'TIMESTAMP' },
  { name: 'at_tz', type: 'datetime', physicalType: 'TIMESTAMP WITH TIME ZONE' },
  { name: 'photo', type: 'binary', physicalType: 'BLOB' },
];
const parquetPath = "/data/it's here/v1.parquet";

function built(result: BuiltQuery | QueryError): BuiltQuery {
  if ('error' in result) throw new Error(`expected a query, got ${result.error.code}`);
  return result;
}

function refusal(filter: RowFilter): QueryError['error'] | undefined {
  const result = buildRowsQuery({ parquetPath, columns, filters: [filter] });
  return 'error' in result ? result.error : undefined;
}

describe('buildRowsQuery refuses', () => {
  it('a column the version does not have, wherever it is named', () => {
    const unknown = { code: 'datasets.query.unknown_column', details: { column: 'nope' } };
    expect(buildRowsQuery({ parquetPath, columns, select: ['城市', 'nope'] })).toEqual({ error: unknown });
    expect(refusal({ column: 'nope', op: 'eq', value: 1 })).toEqual(unknown);
    expect(buildRowsQuery({ parquetPath, columns, sort: [{ column: 'nope', direction: 'asc' }] })).toEqual({
      error: unknown,
    });
    expect(buildCountQuery({ parquetPath, columns, filters: [{ column: 'nope', op: 'is_null' }] })).toEqual({
      error: unknown,
    });
  });

  it('an operator the column type does not have', () => {
    for (const [column, op] of [
      ['age', 'contains'],
      ['day', 'contains'],
      ['ok', 'lt'],
      ['photo', 'eq'],
    ] as const) {
      expect(refusal({ column, op, value: '1' })).toMatchObject({
        code: 'datasets.query.bad_operator',
        details: { column, op },
      });
    }
  });

  it('a value that is not of the column type', () => {
    const bad: RowFilter[] = [
      { column: 'age', op: 'eq', value: 'abc' },
      { column: 'age', op: 'eq', value: '1.5' },
      { column: 'age', op: 'gt', value: 1.5 },
      { column: 'age', op: 'eq', value: true },
      { column: 'age', op: 'eq' },
      { column: 'price', op: 'lt', value: '12,5' },
      { column: 'price', op: 'lt', value: 'Infinity' },
      { column: 'ok', op: 'eq', value: 'yes' },
      { column: 'day', op: 'eq', value: '2024-02-30' },
      { column: 'day', op: 'eq', value: '2024/01/01' },
      { column: 'day', op: 'eq', value: 20240101 },
      { column: 'at', op: 'ge', value: '2024-01-01T25:00:00' },
      { column: 'at', op: 'ge', value: '2024-01-01T08:00:00+08:00' },
      { column: 'at_tz', op: 'ge', value: '2024-01-01+08:00' },
    ];
    for (const filter of bad) {
      expect(refusal(filter), JSON.stringify(filter)).toMatchObject({
        code: 'datasets.query.bad_value',
        details: { column: filter.column, op: filter.op, value: filter.value ?? null },
      });
    }
  });
});

describe('buildRowsQuery builds', () => {
  it('binds every value as a parameter, read as the column type', () => {
    const query = built(
      buildRowsQuery({
        parquetPath,
        columns,
        filters: [
          { column: '城市', op: 'contains', value: "' OR 1=1 --" },
          { column: 'age', op: 'ge', value: '18' },
          { column: 'price', op: 'lt', value: '12.5' },
          { column: 'ok', op: 'eq', value: 'TRUE' },
          { column: 'day', op: 'le', value: '2024-02-29' },
          { column: 'at', op: 'gt', value: '2024-01-01 08:00' },
          { column: 'at_tz', op: 'gt', value: '2024-01-01T08:00:00Z' },
          { column: 'photo', op: 'not_null' },
        ],
      }),
    );
    expect(query.params).toEqual([
      "' OR 1=1 --",
      18n,
      12.5,
      true,
      '2024-02-29',
      '2024-01-01 08:00',
      '2024-01-01T08:00:00Z',
    ]);
    expect(query.sql).not.toContain('OR 1=1');
    expect(query.sql).toContain(`read_parquet('/data/it''s here/v1.parquet')`);
    expect(query.sql).toContain('CAST(? AS TIMESTAMPTZ)');
  });

  it('quotes column names, so a name cannot end the identifier', () => {
    const odd: DatasetColumn = { name: 'a"; DROP TABLE t; --', type: 'string', physicalType: 'VARCHAR' };
    const query = built(
      buildRowsQuery({ parquetPath, columns: [odd], filters: [{ column: odd.name, op: 'eq', value: 'x' }] }),
    );
    expect(query.sql).toBe(
      `SELECT "a""; DROP TABLE t; --" FROM read_parquet('${parquetPath.replace("'", "''")}') WHERE ("a""; DROP TABLE t; --" = ?)`,
    );
  });

  it('returns the selected columns in the order asked', () => {
    const query = built(buildRowsQuery({ parquetPath, columns, select: ['price', '城市'] }));
    expect(query.columns.map((column) => column.name)).toEqual(['price', '城市']);
    expect(built(buildRowsQuery({ parquetPath, columns })).columns).toEqual(columns);
  });

  it('orders pages by file row, and sorts with the file row breaking ties', () => {
    expect(built(buildRowsQuery({ parquetPath, columns, limit: 100, offset: 200 })).sql).toMatch(
      / ORDER BY file_row_number LIMIT \? OFFSET \?$/,
    );
    const sorted = built(
      buildRowsQuery({
        parquetPath,
        columns,
        sort: [
          { column: 'age', direction: 'desc' },
          { column: '城市', direction: 'asc' },
        ],
        limit: 10,
      }),
    );
    expect(sorted.sql).toMatch(
      / ORDER BY "age" DESC NULLS LAST, "城市" ASC NULLS LAST, file_row_number LIMIT \?$/,
    );
    expect(sorted.params).toEqual([10]);
  });

  it('leaves an unpaged, unsorted read (an export) in file order without sorting', () => {
    expect(built(buildRowsQuery({ parquetPath, columns })).sql).not.toContain('ORDER BY');
  });

  it('rejects a negative or fractional page as a programming error', () => {
    expect(() => buildRowsQuery({ parquetPath, columns, limit: -1 })).toThrow(RangeError);
    expect(() => buildRowsQuery({ parquetPath, columns, offset: 1.5 })).toThrow(RangeError);
  });
});
