import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openParquetWorkspace, type ParquetWorkspace } from './profile.fixtures.js';
import { profileParquet } from './profile.js';
import { planSampleBlocks } from './sample.js';
import { classifyPattern, histogram } from './sample-shape.js';

let ws: ParquetWorkspace;
beforeAll(async () => {
  ws = await openParquetWorkspace();
});
afterAll(async () => {
  await ws.close();
});

const SMALL_TABLE = `SELECT * FROM (VALUES
  (1, '北京', 10.50::DECIMAL(10,2), DATE '2024-01-03', 'A1'),
  (2, '北京', 20.00, DATE '2024-01-01', 'A1'),
  (3, '上海', 30.00, DATE '2024-02-10', 'B2'),
  (4, '北京', NULL, DATE '2024-01-01', '123'),
  (5, NULL, 40.00, NULL, 'C3'),
  (6, '上海', 50.25, DATE '2023-12-31', 'C3'),
  (7, '广州', 60.00, DATE '2024-01-01', '456'),
  (8, '', 70.00, DATE '2024-03-01', 'D4')
) t(id, city, amount, day, code)`;

describe('profileParquet on a small known table', () => {
  it('counts rows, nulls, empty strings, distinct values, min and max exactly', async () => {
    const { path, columns } = await ws.write('small', SMALL_TABLE);
    const { profile } = await profileParquet({ parquetPath: path, columns, duckdb: ws.duckdb });
    expect(profile.rowCount).toBe(8);
    expect(profile.columnCount).toBe(5);
    expect(profile.sampleSize).toBe(8);
    expect(profile.duplicateRowShare).toBe(0);
    const byName = new Map(profile.columns.map((c) => [c.name, c]));
    const city = byName.get('city');
    expect(city).toMatchObject({
      count: 8,
      nullCount: 1,
      emptyCount: 1,
      distinctEstimate: 4,
      min: '',
      max: '广州',
    });
    expect(city?.length).toEqual({ min: 0, max: 2, mean: 12 / 7 });
    const amount = byName.get('amount');
    expect(amount).toMatchObject({ nullCount: 1, min: '10.50', max: '70.00', distinctEstimate: 7 });
    expect(amount?.mean).toBeCloseTo((10.5 + 20 + 30 + 40 + 50.25 + 60 + 70) / 7, 6);
    expect(byName.get('day')).toMatchObject({
      nullCount: 1,
      min: '2023-12-31',
      max: '2024-03-01',
      distinctEstimate: 5,
    });
    expect(byName.get('id')).toMatchObject({
      min: '1',
      max: '8',
      mean: 4.5,
      distinctEstimate: 8,
      topValues: [],
    });
  });

  it('lists the values that repeat, most frequent first, with exact counts', async () => {
    const { path, columns } = await ws.write('small_top', SMALL_TABLE);
    const { profile } = await profileParquet({ parquetPath: path, columns, duckdb: ws.duckdb });
    const top = (name: string) => profile.columns.find((c) => c.name === name)?.topValues;
    expect(top('city')).toEqual([
      { value: '北京', count: 3 },
      { value: '上海', count: 2 },
    ]);
    expect(top('day')).toEqual([{ value: '2024-01-01', count: 3 }]);
    expect(top('code')).toEqual([
      { value: 'A1', count: 2 },
      { value: 'C3', count: 2 },
    ]);
  });

  it('classifies the text formats of the sample', async () => {
    const { path, columns } = await ws.write('small_patterns', SMALL_TABLE);
    const { profile } = await profileParquet({ parquetPath: path, columns, duckdb: ws.duckdb });
    const code = profile.columns.find((c) => c.name === 'code');
    expect(code?.patterns).toEqual([
      { pattern: 'alphanumeric', share: 0.75 },
      { pattern: 'digits', share: 0.25 },
    ]);
    const city = profile.columns.find((c) => c.name === 'city');
    expect(city?.patterns).toEqual([
      { pattern: 'chinese', share: 6 / 7 },
      { pattern: 'whitespace_only', share: 1 / 7 },
    ]);
  });

  it('measures the share of duplicate rows', async () => {
    const { path, columns } = await ws.write(
      'dups',
      'SELECT range % 750 AS a, (range % 750)::VARCHAR AS b FROM range(1000)',
    );
    const { profile } = await profileParquet({ parquetPath: path, columns, duckdb: ws.duckdb });
    expect(profile.duplicateRowShare).toBeCloseTo(0.25, 10);
  });
});

// Real files of a few hundred thousand rows: generous time on a busy machine (no speed is asserted).
describe('profileParquet on larger files', { timeout: 60_000 }, () => {
  it('counts distinct values exactly on 100k rows and within 5% on 300k', async () => {
    const exact = await ws.write(
      'distinct_100k',
      'SELECT range AS id, range % 37000 AS r, md5((range % 91000)::VARCHAR) AS t FROM range(100000)',
    );
    const small = await profileParquet({
      parquetPath: exact.path,
      columns: exact.columns,
      duckdb: ws.duckdb,
    });
    expect(small.profile.columns.map((c) => c.distinctEstimate)).toEqual([100_000, 37_000, 91_000]);

    const big = await ws.write(
      'distinct_300k',
      'SELECT range AS id, range % 150000 AS r, md5((range % 222222)::VARCHAR) AS t FROM range(300000)',
    );
    const { profile } = await profileParquet({
      parquetPath: big.path,
      columns: big.columns,
      duckdb: ws.duckdb,
      sampleRows: 20_000,
    });
    const expected = [300_000, 150_000, 222_222];
    profile.columns.forEach((column, i) => {
      const truth = expected[i] ?? 0;
      expect(Math.abs(column.distinctEstimate - truth) / truth).toBeLessThan(0.05);
    });
    expect(profile.duplicateRowShare).toBe(0);
  });

  it('gives exact top counts for a frequent value hidden among unique ones, and a narrow column', async () => {
    const { path, columns } = await ws.write(
      'hot',
      `SELECT CASE WHEN range % 10 = 0 THEN 'hot' ELSE md5(range::VARCHAR) END AS v, (range % 4)::VARCHAR AS k FROM range(300000)`,
    );
    const { profile } = await profileParquet({
      parquetPath: path,
      columns,
      duckdb: ws.duckdb,
      sampleRows: 10_000,
    });
    expect(profile.sampleSize).toBe(10_000);
    const [v, k] = profile.columns;
    expect(v?.topValues).toEqual([{ value: 'hot', count: 30_000 }]);
    expect(k?.topValues).toEqual(['0', '1', '2', '3'].map((value) => ({ value, count: 75_000 })));
    expect(k?.distinctEstimate).toBe(4);
  });

  it('builds sample-based histograms whose counts sum to the sample size', async () => {
    const { path, columns } = await ws.write(
      'histograms',
      `SELECT range AS n, (range % 1000) / 7.0 AS x, repeat('字', (1 + range % 30)::INT) AS s FROM range(200000)`,
    );
    const { profile } = await profileParquet({
      parquetPath: path,
      columns,
      duckdb: ws.duckdb,
      sampleRows: 5_000,
    });
    expect(profile.sampleSize).toBe(5_000);
    for (const column of profile.columns) {
      const bins = column.histogram ?? [];
      expect(bins.length).toBeGreaterThan(0);
      expect(bins.length).toBeLessThanOrEqual(20);
      expect(bins.reduce((sum, b) => sum + b.count, 0)).toBe(profile.sampleSize);
    }
    const s = profile.columns.find((c) => c.name === 's');
    expect(s?.length).toMatchObject({ min: 1, max: 30 });
  });

  it('returns a sample whose columns stay aligned row by row, and reports progress up to 1', async () => {
    const { path, columns } = await ws.write(
      'aligned',
      'SELECT range AS id, range::VARCHAR AS id_text, NULL::VARCHAR AS nothing FROM range(400000)',
    );
    const shares: number[] = [];
    const { sample, profile } = await profileParquet({
      parquetPath: path,
      columns,
      duckdb: ws.duckdb,
      sampleRows: 3_000,
      onProgress: (share) => shares.push(share),
    });
    expect(sample.id).toHaveLength(profile.sampleSize);
    expect(sample.id).toEqual(sample.id_text);
    expect(sample.nothing?.every((v) => v === null)).toBe(true);
    expect(new Set(sample.id).size).toBe(profile.sampleSize);
    expect(shares.at(-1)).toBe(1);
    expect(shares.every((s) => s >= 0 && s <= 1)).toBe(true);
    expect(Object.keys(profile.timings)).toEqual(
      expect.arrayContaining(['rows', 'sample', 'stats', 'frequencies']),
    );
  });
});

describe('planSampleBlocks', () => {
  it('spreads disjoint blocks over the whole file, the same way every time', () => {
    const blocks = planSampleBlocks(10_000_000, 50_000);
    expect(blocks).toEqual(planSampleBlocks(10_000_000, 50_000));
    expect(blocks.reduce((sum, b) => sum + (b.to - b.from), 0)).toBe(50_000);
    blocks.forEach((block, i) => {
      expect(block.from).toBeGreaterThanOrEqual(i * 1_000_000);
      expect(block.to).toBeLessThanOrEqual((i + 1) * 1_000_000);
    });
  });

  it('reads everything from a file no larger than the sample', () => {
    expect(planSampleBlocks(800, 50_000)).toEqual([{ from: 0, to: 800 }]);
  });
});

describe('sample shapes', () => {
  it('classifies pattern classes', () => {
    expect(classifyPattern('2024-01-31')).toBe('date_like');
    expect(classifyPattern('2024年1月')).toBe('date_like');
    expect(classifyPattern('-12.5')).toBe('digits');
    expect(classifyPattern('abc')).toBe('letters');
    expect(classifyPattern('ab12')).toBe('alphanumeric');
    expect(classifyPattern('zhang@example.com')).toBe('email_like');
    expect(classifyPattern('阿卜杜·热合曼')).toBe('chinese');
    expect(classifyPattern('北京市朝阳区88号')).toBe('mixed_chinese');
    expect(classifyPattern('  ')).toBe('whitespace_only');
    expect(classifyPattern('a-b')).toBe('other');
  });

  it('puts the maximum in the last bin and one integer per bin on narrow ranges', () => {
    expect(histogram([0, 5, 10], 0, 10, false).map((b) => b.count)).toEqual([
      1,
      ...new Array<number>(9).fill(0),
      1,
      ...new Array<number>(8).fill(0),
      1,
    ]);
    expect(histogram([1, 2, 2, 3], 1, 3, true)).toEqual([
      { from: 1, to: 2, count: 1 },
      { from: 2, to: 3, count: 2 },
      { from: 3, to: 4, count: 1 },
    ]);
    expect(histogram([7, 7], 7, 7, true)).toEqual([{ from: 7, to: 7, count: 2 }]);
  });
});

describe('profileParquet on awkward files', { timeout: 60_000 }, () => {
  it('profiles an empty file', async () => {
    const { path, columns } = await ws.write(
      'empty',
      'SELECT range AS id, range::VARCHAR AS t FROM range(0)',
    );
    const { profile, sample } = await profileParquet({ parquetPath: path, columns, duckdb: ws.duckdb });
    expect(profile).toMatchObject({ rowCount: 0, sampleSize: 0, duplicateRowShare: 0 });
    expect(profile.columns.map((c) => [c.nullCount, c.distinctEstimate, c.min, c.topValues])).toEqual([
      [0, 0, null, []],
      [0, 0, null, []],
    ]);
    expect(sample).toEqual({ id: [], t: [] });
  });

  it('copes with column names that collide with its own aliases or need quoting', async () => {
    const { path, columns } = await ws.write(
      'awkward',
      `SELECT range % 3 AS k, (range % 5)::VARCHAR AS v, range % 2 AS n, range AS d, range AS row_count,
         range AS file_row_number, 'x' AS "a""b 名称" FROM range(60000)`,
    );
    const { profile, sample } = await profileParquet({
      parquetPath: path,
      columns,
      duckdb: ws.duckdb,
      sampleRows: 1_000,
    });
    const byName = new Map(profile.columns.map((c) => [c.name, c]));
    expect(byName.get('k')?.topValues).toEqual([0, 1, 2].map((v) => ({ value: String(v), count: 20_000 })));
    expect(byName.get('n')).toMatchObject({
      distinctEstimate: 2,
      topValues: [
        { value: '0', count: 30_000 },
        { value: '1', count: 30_000 },
      ],
    });
    expect(byName.get('v')?.distinctEstimate).toBe(5);
    expect(byName.get('row_count')).toMatchObject({ min: '0', max: '59999', distinctEstimate: 60_000 });
    expect(byName.get('file_row_number')?.max).toBe('59999');
    expect(byName.get('a"b 名称')?.topValues).toEqual([{ value: 'x', count: 60_000 }]);
    // A column named file_row_number switches the sample to DuckDB's reservoir.
    expect(sample.k).toHaveLength(1_000);
  });
});
