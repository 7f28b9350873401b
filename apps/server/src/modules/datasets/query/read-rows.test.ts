/**
 * Previews and queries against real Parquet files in real DuckDB: paging is stable and complete,
 * every operator works on every type that allows it, sorts break ties by file order, values come
 * back JSON-safe, and hostile column names and values stay data.
 */
import {
  FILTER_OPERATORS,
  type ColumnType,
  type DatasetColumn,
  type FilterOperator,
  type RowFilter,
} from '@shuliu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCountQuery, buildRowsQuery, type RowsQueryOptions, type SortKey } from './build-query.js';
import { OPERATORS_BY_TYPE } from './filter-condition.js';
import { openQueryFixture, type QueryFixture } from './query.fixtures.js';
import { countRows, readRows, type Cell } from './read-rows.js';

let fixture: QueryFixture;
beforeAll(async () => {
  fixture = await openQueryFixture();
});
afterAll(async () => {
  await fixture.close();
});

async function read(o: RowsQueryOptions): Promise<Cell[][]> {
  const built = buildRowsQuery(o);
  if ('error' in built) throw new Error(`unexpected refusal ${built.error.code}`);
  return (await readRows(fixture.duckdb, built)).rows;
}

async function count(o: Pick<RowsQueryOptions, 'parquetPath' | 'columns' | 'filters'>): Promise<number> {
  const built = buildCountQuery(o);
  if ('error' in built) throw new Error(`unexpected refusal ${built.error.code}`);
  return countRows(fixture.duckdb, built);
}

/** Every page of `pageSize` rows, read until a short page, concatenated. */
async function readAllPages(o: RowsQueryOptions, pageSize: number): Promise<Cell[][]> {
  const all: Cell[][] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await read({ ...o, limit: pageSize, offset });
    all.push(...page);
    if (page.length < pageSize) return all;
  }
}

describe('paging', () => {
  // Row i of the file has id (i * 7919) mod n: file order is neither id order nor insertion-free luck.
  const fileIds = (n: number) => Array.from({ length: n }, (_, i) => (i * 7919) % n);

  it('covers every one of 1,000 rows exactly once, in file order, in pages of 100', async () => {
    const { path, columns } = await fixture.writeParquet(
      'paging',
      'SELECT (i * 7919) % 1000 AS id, i % 7 AS grp FROM range(1000) t(i) ORDER BY i',
    );
    const rows = await readAllPages({ parquetPath: path, columns, select: ['id'] }, 100);
    expect(rows.map((row) => row[0])).toEqual(fileIds(1000));
  });

  it('keeps ties in file order across pages of a sorted, filtered read over many row groups', async () => {
    const n = 20_000;
    const { path, columns } = await fixture.writeParquet(
      'paging-sorted',
      `SELECT (i * 7919) % ${n} AS id, i % 7 AS grp FROM range(${n}) t(i) ORDER BY i`,
    );
    const sort: SortKey[] = [{ column: 'grp', direction: 'desc' }];
    const filters: RowFilter[] = [{ column: 'grp', op: 'ne', value: 3 }];
    const rows = await readAllPages({ parquetPath: path, columns, select: ['id'], sort, filters }, 1000);
    const expected = fileIds(n)
      .map((id, i) => ({ id, grp: i % 7 }))
      .filter((row) => row.grp !== 3)
      .sort((a, b) => b.grp - a.grp)
      .map((row) => row.id);
    expect(rows.map((row) => row[0])).toEqual(expected);
    expect(await count({ parquetPath: path, columns, filters })).toBe(expected.length);
  });

  it('stays stable and complete when the data has its own column named file_row_number', async () => {
    const { path, columns } = await fixture.writeParquet(
      'own-row-number',
      'SELECT 999 - i AS File_Row_Number, (i * 7919) % 1000 AS id, i % 3 AS grp FROM range(1000) t(i) ORDER BY i',
    );
    const unsorted = await readAllPages({ parquetPath: path, columns }, 100);
    expect(unsorted.map((row) => row[1])).toEqual(fileIds(1000));
    expect(unsorted.map((row) => row[0])).toEqual(fileIds(1000).map((_, i) => 999 - i));

    const sorted = await readAllPages(
      { parquetPath: path, columns, sort: [{ column: 'grp', direction: 'asc' }] },
      100,
    );
    expect(new Set(sorted.map((row) => row[1])).size).toBe(1000);
    expect(sorted.map((row) => row[2])).toEqual(
      [...sorted.map((row) => Number(row[2]))].sort((a, b) => a - b),
    );
  });
});

describe('filters', () => {
  let path: string;
  let columns: DatasetColumn[];
  beforeAll(async () => {
    ({ path, columns } = await fixture.writeParquet(
      'types',
      `SELECT id::INTEGER AS id, s::VARCHAR AS s, n::BIGINT AS n, d::DECIMAL(10,2) AS d, x::DOUBLE AS x,
              b::BOOLEAN AS b, dt::DATE AS dt, ts::TIMESTAMP AS ts, tz::TIMESTAMPTZ AS tz, bin::BLOB AS bin
       FROM (VALUES
         (1, 'Beijing 北京', 10, 12.30, 1.5, true, '2024-01-01', '2024-01-01 08:00:00', '2024-01-01 08:00:00+08', '\\x01'),
         (2, 'shanghai 上海', 20, 5.00, -2.25, false, '2024-06-30', '2024-06-30 23:59:59.5', '2024-01-01 01:00:00+00', '\\x02\\x03'),
         (3, '100%_done', -5, 100.10, 0, NULL, '2023-12-31', '2023-12-31 00:00:00', NULL, NULL),
         (4, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
         (5, '', 20, 5.00, 1e10, true, '2024-06-30', '2024-07-01 00:00:00', NULL, '')
       ) t(id, s, n, d, x, b, dt, ts, tz, bin) ORDER BY id`,
    ));
  });

  /** [column, operator, value, ids of the rows kept] */
  const cases: [string, FilterOperator, RowFilter['value'], number[]][] = [
    ['s', 'eq', 'Beijing 北京', [1]],
    ['s', 'ne', 'Beijing 北京', [2, 3, 4, 5]],
    ['s', 'lt', 'B', [3, 5]],
    ['s', 'le', '100%_done', [3, 5]],
    ['s', 'gt', 'Beijing 北京', [2]],
    ['s', 'ge', 'Beijing 北京', [1, 2]],
    ['s', 'contains', 'BEIJING', [1]],
    ['s', 'contains', '%_', [3]],
    ['s', 'contains', '上海', [2]],
    ['s', 'is_null', undefined, [4]],
    ['s', 'not_null', undefined, [1, 2, 3, 5]],
    ['n', 'eq', '20', [2, 5]],
    ['n', 'ne', 20, [1, 3, 4]],
    ['n', 'lt', 10, [3]],
    ['n', 'le', '10', [1, 3]],
    ['n', 'gt', '-5', [1, 2, 5]],
    ['n', 'ge', 20, [2, 5]],
    ['n', 'is_null', undefined, [4]],
    ['n', 'not_null', undefined, [1, 2, 3, 5]],
    ['d', 'eq', '5', [2, 5]],
    ['d', 'eq', 12.3, [1]],
    ['d', 'ne', 5, [1, 3, 4]],
    ['d', 'lt', '12.3', [2, 5]],
    ['d', 'le', '12.30', [1, 2, 5]],
    ['d', 'gt', 12.3, [3]],
    ['d', 'ge', '100.1', [3]],
    ['d', 'is_null', undefined, [4]],
    ['d', 'not_null', undefined, [1, 2, 3, 5]],
    ['x', 'gt', 0, [1, 5]],
    ['x', 'lt', '-1e0', [2]],
    ['x', 'eq', '0', [3]],
    ['x', 'ge', '1.5', [1, 5]],
    ['x', 'le', 0, [2, 3]],
    ['b', 'eq', true, [1, 5]],
    ['b', 'eq', 'false', [2]],
    ['b', 'ne', true, [2, 3, 4]],
    ['b', 'is_null', undefined, [3, 4]],
    ['b', 'not_null', undefined, [1, 2, 5]],
    ['dt', 'eq', '2024-06-30', [2, 5]],
    ['dt', 'ne', '2024-06-30', [1, 3, 4]],
    ['dt', 'lt', '2024-01-01', [3]],
    ['dt', 'le', '2024-01-01', [1, 3]],
    ['dt', 'gt', '2024-01-01', [2, 5]],
    ['dt', 'ge', '2023-12-31', [1, 2, 3, 5]],
    ['dt', 'is_null', undefined, [4]],
    ['dt', 'not_null', undefined, [1, 2, 3, 5]],
    ['ts', 'eq', '2024-06-30T23:59:59.5', [2]],
    ['ts', 'ne', '2024-06-30T23:59:59.5', [1, 3, 4, 5]],
    ['ts', 'lt', '2024-01-01 08:00', [3]],
    ['ts', 'le', '2024-01-01T08:00:00', [1, 3]],
    ['ts', 'gt', '2024-06-30T23:59:59', [2, 5]],
    ['ts', 'ge', '2024-07-01', [5]],
    ['ts', 'is_null', undefined, [4]],
    ['ts', 'not_null', undefined, [1, 2, 3, 5]],
    ['tz', 'ge', '2024-01-01T00:30:00Z', [2]],
    ['tz', 'lt', '2024-01-01T08:30:00+08:00', [1]],
    ['tz', 'eq', '2024-01-01T00:00:00Z', [1]],
    ['bin', 'is_null', undefined, [3, 4]],
    ['bin', 'not_null', undefined, [1, 2, 5]],
  ];

  it.each(cases)('%s %s %s keeps rows %j', async (column, op, value, ids) => {
    const filters: RowFilter[] = [{ column, op, ...(value === undefined ? {} : { value }) }];
    const rows = await read({ parquetPath: path, columns, select: ['id'], filters });
    expect(rows.map((row) => row[0])).toEqual(ids);
    expect(await count({ parquetPath: path, columns, filters })).toBe(ids.length);
  });

  it('are tried for every operator each column type allows', () => {
    const typeOf = new Map(columns.map((column) => [column.name, column.type]));
    const tried = new Set(cases.map(([column, op]) => `${typeOf.get(column) ?? '?'} ${op}`));
    const allowed = (Object.entries(OPERATORS_BY_TYPE) as [ColumnType, readonly FilterOperator[]][]).flatMap(
      ([type, ops]) => ops.map((op) => `${type} ${op}`),
    );
    expect([...tried].sort()).toEqual([...allowed].sort());
    expect(new Set(allowed.map((entry) => entry.split(' ')[1]))).toEqual(new Set(FILTER_OPERATORS));
  });

  it('combine with AND', async () => {
    const filters: RowFilter[] = [
      { column: 'n', op: 'ge', value: 10 },
      { column: 'b', op: 'eq', value: true },
    ];
    expect(await read({ parquetPath: path, columns, select: ['id'], filters })).toEqual([[1], [5]]);
  });

  it('sort ascending and descending with nulls last and ties in file order', async () => {
    const ids = async (sort: SortKey[]) =>
      (await read({ parquetPath: path, columns, select: ['id'], sort })).map((row) => row[0]);
    expect(await ids([{ column: 'n', direction: 'asc' }])).toEqual([3, 1, 2, 5, 4]);
    expect(await ids([{ column: 'n', direction: 'desc' }])).toEqual([2, 5, 1, 3, 4]);
    expect(await ids([{ column: 'dt', direction: 'desc' }])).toEqual([2, 5, 1, 3, 4]);
    expect(
      await ids([
        { column: 'dt', direction: 'desc' },
        { column: 'id', direction: 'desc' },
      ]),
    ).toEqual([5, 2, 1, 3, 4]);
    expect(await ids([{ column: 's', direction: 'asc' }])).toEqual([5, 3, 1, 2, 4]);
  });

  it('returns values in JSON-safe forms', async () => {
    const result = await read({
      parquetPath: path,
      columns,
      filters: [{ column: 'id', op: 'le', value: 2 }],
    });
    expect(result).toEqual([
      [
        1,
        'Beijing 北京',
        10,
        '12.30',
        1.5,
        true,
        '2024-01-01',
        '2024-01-01T08:00:00',
        '2024-01-01T00:00:00Z',
        'base64:AQ==',
      ],
      [
        2,
        'shanghai 上海',
        20,
        '5.00',
        -2.25,
        false,
        '2024-06-30',
        '2024-06-30T23:59:59.5',
        '2024-01-01T01:00:00Z',
        'base64:AgM=',
      ],
    ]);
  });
});

describe('values', () => {
  it('keep big integers exact, and show long binary values by size', async () => {
    const { path, columns } = await fixture.writeParquet(
      'special',
      `SELECT 9007199254740993::BIGINT AS big, -9007199254740991::BIGINT AS safe, 'inf'::DOUBLE AS inf,
              repeat('\\xAB'::BLOB, 2000) AS long_blob, TIMESTAMP_NS '2024-01-01 00:00:00.123456789' AS ns,
              [1, 2] AS list, {'k': '值'} AS struct`,
    );
    const rows = await read({ parquetPath: path, columns });
    expect(rows).toEqual([
      [
        '9007199254740993',
        -9007199254740991,
        'Infinity',
        '[binary 2000 bytes]',
        '2024-01-01T00:00:00.123456789',
        '[1,2]',
        '{"k":"值"}',
      ],
    ]);
  });
});

describe('hostile input', () => {
  it('stays data: odd column names and SQL in values neither break out nor widen the result', async () => {
    await fixture.duckdb.run('CREATE TABLE victim AS SELECT 1 AS survived');
    const { path, columns } = await fixture.writeParquet(
      'hostile',
      `SELECT * FROM (VALUES ('plain', 1), ('x'' OR 1=1 --', 2), ('a"; DROP', 3))
         t("a""; DROP", "x') FROM read_parquet('/etc/passwd') --")`,
    );
    const [odd, other] = columns.map((column) => column.name);
    expect(odd).toBe('a"; DROP');
    if (odd === undefined || other === undefined) throw new Error('fixture lacks columns');

    const keep = async (filters: RowFilter[]) =>
      (
        await read({
          parquetPath: path,
          columns,
          select: [other],
          filters,
          sort: [{ column: odd, direction: 'desc' }],
        })
      ).map((row) => row[0]);
    expect(await keep([{ column: odd, op: 'eq', value: "x' OR 1=1 --" }])).toEqual([2]);
    expect(await keep([{ column: odd, op: 'eq', value: "' OR 1=1 --" }])).toEqual([]);
    expect(await keep([{ column: odd, op: 'contains', value: '"; DROP' }])).toEqual([3]);
    expect(await keep([{ column: odd, op: 'ne', value: "'); DROP TABLE victim; --" }])).toEqual([2, 1, 3]);
    expect(await fixture.duckdb.all('SELECT survived FROM victim')).toEqual([{ survived: 1 }]);
  });
});
