import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnRule } from '@shuliu/core';
import { openParquetWorkspace, type ParquetWorkspace } from './profile.fixtures.js';
import { checkRules, type RuleViolations } from './rule-check.js';

let ws: ParquetWorkspace;
let table: Awaited<ReturnType<ParquetWorkspace['write']>>;
beforeAll(async () => {
  ws = await openParquetWorkspace();
  table = await ws.write(
    'rules',
    `SELECT range AS id,
       CASE WHEN range % 50 = 0 THEN 'abc' ELSE (range % 90)::VARCHAR END AS age_text,
       CASE WHEN range % 3 = 0 THEN 'x' ELSE 'y' END AS mixed,
       CASE WHEN range % 25 = 0 THEN '待定' ELSE strftime(DATE '2024-01-01' + (range % 300)::INT, '%Y-%m-%d') END AS day_text,
       range % 120 AS score,
       CASE WHEN range % 10 = 0 THEN NULL WHEN range % 10 = 1 THEN '' ELSE 'ok' END AS req,
       CASE WHEN range % 4 = 0 THEN 'A-' || range ELSE 'B' || range END AS code,
       CASE WHEN range % 5 = 0 THEN 'other' ELSE 'on' END AS status,
       range % 900 AS dup_id,
       CASE WHEN range % 10 = 0 THEN '1.5' ELSE range::VARCHAR END AS num_text,
       DATE '2024-01-01' + (range % 400)::INT AS day
     FROM range(1000)`,
  );
});
afterAll(async () => {
  await ws.close();
});

const ROWS = Array.from({ length: 1000 }, (_, i) => i);
const countWhere = (test: (i: number) => boolean): number => ROWS.filter(test).length;

function check(result: RuleViolations, column: string, kind: string) {
  return result.columns.find((c) => c.column === column)?.checks.find((c) => c.check === kind);
}

describe('checkRules', () => {
  it('counts violations of each declared rule exactly', async () => {
    const rules: ColumnRule[] = [
      { column: 'score', max: 100, min: 0 },
      { column: 'req', required: true },
      { column: 'code', pattern: 'B\\d+' },
      { column: 'status', allowed: ['on', 'off'] },
      { column: 'dup_id', unique: true },
      { column: 'num_text', type: 'integer' },
      { column: 'day', min: '2024-02-01' },
    ];
    const result = await checkRules({
      parquetPath: table.path,
      columns: table.columns,
      rules,
      duckdb: ws.duckdb,
    });
    expect(result.basis).toBe('declared');
    expect(result.rows).toBe(1000);
    expect(check(result, 'score', 'max')).toMatchObject({
      checked: 1000,
      violations: countWhere((i) => i % 120 > 100),
    });
    expect(check(result, 'score', 'min')).toMatchObject({ violations: 0 });
    expect(check(result, 'req', 'required')).toMatchObject({ checked: 1000, violations: 200 });
    expect(check(result, 'code', 'pattern')).toMatchObject({ checked: 1000, violations: 250 });
    expect(check(result, 'status', 'allowed')).toMatchObject({ checked: 1000, violations: 200 });
    expect(check(result, 'dup_id', 'unique')).toMatchObject({ checked: 1000, violations: 100 });
    expect(check(result, 'num_text', 'type')).toMatchObject({
      basis: 'declared',
      expected: 'integer',
      violations: 100,
    });
    expect(check(result, 'day', 'min')).toMatchObject({
      checked: 1000,
      violations: countWhere((i) => i % 400 < 31),
    });
  });

  it('holds undeclared text columns to the type at least 95% of their values have', async () => {
    const result = await checkRules({
      parquetPath: table.path,
      columns: table.columns,
      rules: [],
      duckdb: ws.duckdb,
    });
    expect(result.basis).toBe('inferred');
    expect(check(result, 'age_text', 'type')).toEqual({
      check: 'type',
      basis: 'inferred',
      expected: 'decimal',
      checked: 1000,
      violations: 20,
    });
    expect(check(result, 'day_text', 'type')).toMatchObject({
      expected: 'date',
      checked: 1000,
      violations: 40,
    });
    // 'x'/'y' have no dominant type; typed columns need no check.
    expect(result.columns.find((c) => c.column === 'mixed')?.checks).toEqual([]);
    expect(result.columns.find((c) => c.column === 'score')?.checks).toEqual([]);
  });

  it('reports an invalid pattern and a missing column instead of failing', async () => {
    const rules: ColumnRule[] = [
      { column: 'code', pattern: '(' },
      { column: 'gone', required: true },
    ];
    const result = await checkRules({
      parquetPath: table.path,
      columns: table.columns,
      rules,
      duckdb: ws.duckdb,
    });
    expect(check(result, 'code', 'pattern')?.error).toMatch(/正则表达式无效/);
    expect(result.columns.find((c) => c.column === 'gone')).toEqual({
      column: 'gone',
      missing: true,
      checks: [],
    });
  });
});
