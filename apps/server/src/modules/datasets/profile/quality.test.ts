import { describe, expect, it } from 'vitest';
import {
  QUALITY_DIMENSIONS,
  type ColumnProfile,
  type DatasetProfile,
  type IngestReport,
  type PersonalInfoFinding,
  type QualityDimension,
} from '@shuliu/core';
import { parseDuckDbTime, UNDETERMINED_TIMELINESS } from './quality-context.js';
import { QUALITY_WEIGHTS, scoreQuality, type QualityInput } from './quality.js';
import type { RuleViolations } from './rule-check.js';

const NOW = new Date('2025-06-30T12:00:00Z');
const ROWS = 1000;

function column(overrides: Partial<ColumnProfile> & Pick<ColumnProfile, 'name' | 'type'>): ColumnProfile {
  return {
    physicalType: overrides.type === 'string' ? 'VARCHAR' : 'BIGINT',
    count: ROWS,
    nullCount: 0,
    distinctEstimate: ROWS,
    min: null,
    max: null,
    topValues: [],
    ...overrides,
  };
}

/** A clean dataset: every check passes. */
function input(overrides: Partial<QualityInput> = {}): QualityInput {
  const profile: DatasetProfile = {
    rowCount: ROWS,
    columnCount: 3,
    sampleSize: ROWS,
    duplicateRowShare: 0,
    timings: {},
    columns: [
      column({ name: '订单号', type: 'integer', min: '1', max: '1000' }),
      column({ name: '城市', type: 'string', emptyCount: 0, patterns: [{ pattern: 'chinese', share: 1 }] }),
      column({ name: '下单日期', type: 'date', min: '2025-01-01', max: '2025-06-29' }),
    ],
  };
  const ingest: IngestReport = {
    format: 'csv',
    encoding: 'utf-8',
    hasHeader: true,
    rowsRead: ROWS,
    rowsRejected: 0,
    problems: [],
    problemsTruncated: false,
    fatal: false,
  };
  const ruleViolations: RuleViolations = {
    basis: 'inferred',
    rows: ROWS,
    columns: profile.columns.map((c) => ({ column: c.name, checks: [] })),
  };
  return {
    profile,
    ingest,
    findings: [],
    rules: [],
    ruleViolations,
    updateFrequency: 'monthly',
    sourceFormat: 'csv',
    now: NOW,
    ...overrides,
  };
}

function withColumns(base: QualityInput, change: (c: ColumnProfile) => ColumnProfile): QualityInput {
  return { ...base, profile: { ...base.profile, columns: base.profile.columns.map(change) } };
}

function score(o: QualityInput, dimension: QualityDimension): number {
  const found = scoreQuality(o).dimensions.find((d) => d.dimension === dimension);
  if (!found) throw new Error(`no ${dimension}`);
  return found.score;
}

describe('scoreQuality', () => {
  it('gives a clean dataset 100 in every dimension, grade A, with an explanation for each', () => {
    const report = scoreQuality(input());
    expect(report.dimensions.map((d) => d.dimension)).toEqual([...QUALITY_DIMENSIONS]);
    for (const d of report.dimensions) {
      expect(d.score, d.dimension).toBe(100);
      expect(d.explanation.length).toBeGreaterThan(10);
      expect(d.measurements.length).toBeGreaterThan(0);
    }
    expect(report).toMatchObject({
      overall: 100,
      grade: 'A',
      basis: 'inferred',
      generatedAt: NOW.toISOString(),
    });
  });

  it('weights the dimensions 20/20/25/15/10/10', () => {
    expect(Object.values(QUALITY_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    const stale = input({
      updateFrequency: 'daily',
      profile: { ...input().profile, columns: input().profile.columns.slice(0, 2) },
    });
    // No date column: timeliness alone drops, to 80 → overall 100 − 20 × 10% = 98.
    expect(scoreQuality(stale).overall).toBe(98);
  });

  it('lowers completeness as nulls and empty strings grow, and for empty columns', () => {
    const clean = score(input(), 'completeness');
    const someNulls = withColumns(input(), (c) => (c.name === '城市' ? { ...c, nullCount: 100 } : c));
    const moreMissing = withColumns(input(), (c) =>
      c.name === '城市' ? { ...c, nullCount: 100, emptyCount: 200 } : c,
    );
    const emptyColumn = withColumns(input(), (c) => (c.name === '城市' ? { ...c, nullCount: ROWS } : c));
    expect(score(someNulls, 'completeness')).toBeLessThan(clean);
    expect(score(moreMissing, 'completeness')).toBeLessThan(score(someNulls, 'completeness'));
    expect(score(emptyColumn, 'completeness')).toBeLessThan(score(moreMissing, 'completeness'));
    const report = scoreQuality(moreMissing).dimensions.find((d) => d.dimension === 'completeness');
    expect(report?.explanation).toContain('城市');
    expect(report?.measurements).toContainEqual({
      key: 'column_missing_share',
      label: '该列缺失值占比',
      value: 0.3,
      column: '城市',
    });
  });

  it('lowers accuracy with declared rule violations and check-digit failures', () => {
    const violations = (n: number): QualityInput =>
      input({
        rules: [{ column: '订单号', max: 900 }],
        ruleViolations: {
          basis: 'declared',
          rows: ROWS,
          columns: [
            {
              column: '订单号',
              checks: [{ check: 'max', basis: 'declared', expected: '900', checked: ROWS, violations: n }],
            },
          ],
        },
      });
    expect(score(violations(0), 'accuracy')).toBe(100);
    expect(score(violations(10), 'accuracy')).toBeLessThan(100);
    expect(score(violations(100), 'accuracy')).toBeLessThan(score(violations(10), 'accuracy'));
    expect(scoreQuality(violations(100)).basis).toBe('declared');

    const finding: PersonalInfoFinding = {
      column: '身份证号',
      kind: 'id_card',
      matchRate: 1,
      validRate: 0.8,
      examined: ROWS,
      fullScan: true,
      examples: [],
      nameHint: true,
    };
    expect(score(input({ findings: [finding] }), 'accuracy')).toBe(80);
    expect(score(input({ findings: [{ ...finding, validRate: 1 }] }), 'accuracy')).toBe(100);
  });

  it('lowers conformity with rejected rows, mixed formats, a missing header and generic names', () => {
    const clean = score(input(), 'conformity');
    const rejected = input({ ingest: { ...input().ingest, rowsRead: 950, rowsRejected: 50 } });
    expect(score(rejected, 'conformity')).toBeLessThan(clean);
    const moreRejected = input({ ingest: { ...input().ingest, rowsRead: 800, rowsRejected: 200 } });
    expect(score(moreRejected, 'conformity')).toBeLessThan(score(rejected, 'conformity'));
    const mixed = withColumns(input(), (c) =>
      c.name === '城市'
        ? {
            ...c,
            patterns: [
              { pattern: 'chinese', share: 0.7 },
              { pattern: 'digits', share: 0.3 },
            ],
          }
        : c,
    );
    expect(score(mixed, 'conformity')).toBeLessThan(clean);
    const headerless = input({ ingest: { ...input().ingest, hasHeader: false } });
    const generic = withColumns(headerless, (c) => ({ ...c, name: `column${c.name.length}` }));
    expect(score(headerless, 'conformity')).toBeLessThan(clean);
    expect(score(generic, 'conformity')).toBeLessThan(score(headerless, 'conformity'));
  });

  it('lowers consistency with duplicate rows, mixed formats and broken unique rules', () => {
    const clean = score(input(), 'consistency');
    const duplicates = input({ profile: { ...input().profile, duplicateRowShare: 0.1 } });
    expect(score(duplicates, 'consistency')).toBe(80);
    const uniqueBroken = input({
      rules: [{ column: '订单号', unique: true }],
      ruleViolations: {
        basis: 'declared',
        rows: ROWS,
        columns: [
          {
            column: '订单号',
            checks: [{ check: 'unique', basis: 'declared', expected: '唯一', checked: ROWS, violations: 3 }],
          },
        ],
      },
    });
    expect(score(uniqueBroken, 'consistency')).toBeLessThan(clean);
    // Unique violations are a consistency matter, not an accuracy one.
    expect(score(uniqueBroken, 'accuracy')).toBe(100);
  });

  it('lowers timeliness as the newest date ages past the update frequency', () => {
    const newest = (max: string, updateFrequency = 'monthly'): QualityInput =>
      withColumns(input({ updateFrequency }), (c) => (c.name === '下单日期' ? { ...c, max } : c));
    expect(score(newest('2025-06-20'), 'timeliness')).toBe(100);
    // 31 days promised; 62 days old is one doubling (−25), 124 days two.
    expect(score(newest('2025-04-29 12:00:00'), 'timeliness')).toBe(75);
    expect(score(newest('2025-02-26 12:00:00'), 'timeliness')).toBe(50);
    expect(score(newest('2020-01-01'), 'timeliness')).toBe(0);
    expect(score(newest('2025-06-20', 'daily'), 'timeliness')).toBeLessThan(100);
    const irregular = scoreQuality(newest('2020-01-01', 'irregular')).dimensions.find(
      (d) => d.dimension === 'timeliness',
    );
    expect(irregular?.score).toBe(100);
    expect(irregular?.explanation).toContain('不定期');
  });

  it('passes over future due dates and explains when no date can be judged', () => {
    const withDue = input({
      profile: {
        ...input().profile,
        columns: [...input().profile.columns, column({ name: '到期日', type: 'date', max: '2030-01-01' })],
      },
    });
    expect(
      scoreQuality(withDue).dimensions.find((d) => d.dimension === 'timeliness')?.measurements,
    ).toContainEqual({
      key: 'newest_date',
      label: '数据中最新的日期',
      value: '2025-06-29',
      column: '下单日期',
    });
    const undated = withColumns(input(), (c) => (c.type === 'date' ? { ...c, type: 'string', max: 'x' } : c));
    const timeliness = scoreQuality(undated).dimensions.find((d) => d.dimension === 'timeliness');
    expect(timeliness?.score).toBe(UNDETERMINED_TIMELINESS);
    expect(timeliness?.explanation).toContain('无法判断');
  });

  it('lowers accessibility for Excel, transcoded encodings and warnings', () => {
    expect(score(input({ sourceFormat: 'xlsx' }), 'accessibility')).toBe(90);
    expect(score(input({ ingest: { ...input().ingest, encoding: 'gb18030' } }), 'accessibility')).toBe(95);
    const warned = input({
      ingest: { ...input().ingest, problems: [{ code: 'ragged_row', message: '第 3 行列数不符' }] },
    });
    expect(score(warned, 'accessibility')).toBe(98);
    expect(
      score(
        input({ sourceFormat: 'parquet', ingest: { ...input().ingest, encoding: null } }),
        'accessibility',
      ),
    ).toBe(100);
  });

  it('grades by the overall score: A ≥ 90, B ≥ 75, C ≥ 60, D below', () => {
    const bad = input({
      ingest: { ...input().ingest, rowsRead: 500, rowsRejected: 500, hasHeader: false },
      profile: {
        ...input().profile,
        duplicateRowShare: 0.5,
        columns: input().profile.columns.map((c) => ({ ...c, nullCount: 700 })),
      },
      updateFrequency: 'daily',
      sourceFormat: 'xlsx',
      ruleViolations: {
        basis: 'inferred',
        rows: ROWS,
        columns: [
          {
            column: '城市',
            checks: [
              { check: 'type', basis: 'inferred', expected: 'decimal', checked: ROWS, violations: 500 },
            ],
          },
        ],
      },
    });
    const report = scoreQuality(bad);
    expect(report.overall).toBeLessThan(60);
    expect(report.grade).toBe('D');
    const middling = input({
      profile: { ...input().profile, duplicateRowShare: 0.2 },
      ingest: { ...input().ingest, rowsRead: 900, rowsRejected: 100 },
    });
    const mid = scoreQuality(middling);
    expect(mid.overall).toBe(100 - (40 * 15) / 100 - (40 * 20) / 100);
    expect(mid.grade).toBe('B');
  });

  it('scores an empty dataset 0 on completeness and says so', () => {
    const empty = input({ profile: { ...input().profile, rowCount: 0 } });
    const completeness = scoreQuality(empty).dimensions.find((d) => d.dimension === 'completeness');
    expect(completeness?.score).toBe(0);
    expect(completeness?.explanation).toContain('没有任何数据行');
  });
});

describe('parseDuckDbTime', () => {
  it('reads dates, timestamps and offsets as DuckDB prints them', () => {
    expect(parseDuckDbTime('2024-01-31')?.toISOString()).toBe('2024-01-31T00:00:00.000Z');
    expect(parseDuckDbTime('2024-01-31 08:30:00')?.toISOString()).toBe('2024-01-31T08:30:00.000Z');
    expect(parseDuckDbTime('2024-01-31 08:30:00+08')?.toISOString()).toBe('2024-01-31T00:30:00.000Z');
    expect(parseDuckDbTime('2024-01-31 08:30:00.123+05:30')?.toISOString()).toBe('2024-01-31T03:00:00.123Z');
    expect(parseDuckDbTime('yesterday')).toBeNull();
  });
});
