import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteLiteral } from '../../../platform/duckdb/duckdb.js';
import { codesOf, openBench, type IngestBench } from './ingest.test-helpers.js';

let bench: IngestBench;
beforeAll(async () => {
  bench = await openBench();
});
afterAll(async () => {
  await bench.close();
});

async function writeParquet(name: string, select: string): Promise<string> {
  const path = join(bench.dir, name);
  await bench.duckdb.run(`COPY (${select}) TO ${quoteLiteral(path)} (FORMAT parquet)`);
  return path;
}

describe('ingesting Parquet', () => {
  it('rewrites supported types to the normalized layout', async () => {
    const path = await writeParquet(
      'typed.parquet',
      `SELECT 1::UBIGINT AS ub, 7::UTINYINT AS ut, uuid() AS u, TIME '10:30:00' AS t, TIMESTAMP_NS '2024-01-02 03:04:05' AS ts,
              DATE '2024-01-02' AS d, 12.50::DECIMAL(10,2) AS amount, '城市' AS 名称, 'x'::BLOB AS b, true AS ok`,
    );
    const result = await bench.ingestPath(path, 'typed.parquet');
    expect(result.report).toMatchObject({ fatal: false, format: 'parquet', encoding: null, rowsRead: 1 });
    expect(result.columns.map((c) => [c.name, c.physicalType, c.type])).toEqual([
      ['ub', 'DECIMAL(38,0)', 'decimal'],
      ['ut', 'SMALLINT', 'integer'],
      ['u', 'VARCHAR', 'string'],
      ['t', 'VARCHAR', 'string'],
      ['ts', 'TIMESTAMP', 'datetime'],
      ['d', 'DATE', 'date'],
      ['amount', 'DECIMAL(10,2)', 'decimal'],
      ['名称', 'VARCHAR', 'string'],
      ['b', 'BLOB', 'binary'],
      ['ok', 'BOOLEAN', 'boolean'],
    ]);
  });

  it('refuses nested and interval columns, naming each', async () => {
    const path = await writeParquet(
      'nested.parquet',
      `SELECT {'a': 1} AS s, [1, 2] AS l, INTERVAL 1 DAY AS i, 1 AS ok`,
    );
    const result = await bench.ingestPath(path, 'nested.parquet');
    expect(result.report.fatal).toBe(true);
    expect(result.parquetPath).toBeNull();
    expect(result.report.problems.map((p) => [p.code, p.column])).toEqual([
      ['unsupported_type', 's'],
      ['unsupported_type', 'l'],
      ['unsupported_type', 'i'],
    ]);
  });

  it('refuses a truncated file', async () => {
    const path = await writeParquet('whole.parquet', 'SELECT range AS id, range * 2 AS v FROM range(100000)');
    const bytes = await readFile(path);
    const result = await bench.ingest('cut.parquet', bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(result.report.fatal).toBe(true);
    expect(codesOf(result)).toEqual(['invalid_parquet']);
  });

  it('refuses a file whose data pages are damaged', async () => {
    const path = await writeParquet(
      'damaged.parquet',
      'SELECT range AS id, md5(range::VARCHAR) AS h FROM range(100000)',
    );
    const bytes = Buffer.from(await readFile(path));
    bytes.fill(0x07, 200, Math.floor(bytes.length / 2));
    await writeFile(path, bytes);
    const result = await bench.ingestPath(path, 'damaged.parquet');
    expect(result.report.fatal).toBe(true);
    expect(codesOf(result)).toEqual(['invalid_parquet']);
  });
});
