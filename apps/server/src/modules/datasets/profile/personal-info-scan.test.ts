import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteLiteral } from '../../../platform/duckdb/duckdb.js';
import { maskProfileTopValues, scanPersonalInfo } from './personal-info-scan.js';
import { openParquetWorkspace, validIdNumber, type ParquetWorkspace } from './profile.fixtures.js';
import { profileParquet } from './profile.js';

let ws: ParquetWorkspace;
beforeAll(async () => {
  ws = await openParquetWorkspace();
});
afterAll(async () => {
  await ws.close();
});

const ROWS = 20_000;

/** 20k people: valid ID numbers (under a name that does not hint it), mobiles (1% unknown), mobiles stored as integers, random numbers. */
async function writePeople(): Promise<{
  path: string;
  columns: Awaited<ReturnType<ParquetWorkspace['write']>>['columns'];
}> {
  const lines = ['holder,mobile,phone_num,random_num'];
  let seed = 7;
  for (let i = 0; i < ROWS; i++) {
    seed = (seed * 48271) % 2147483647;
    const mobile = i % 100 === 50 ? '未知' : `13${String((i * 7919) % 1_000_000_000).padStart(9, '0')}`;
    lines.push(`${validIdNumber(i)},${mobile},${15_000_000_000 + i},${seed % 1_000_000}`);
  }
  const csv = join(ws.dir, 'people.csv');
  await writeFile(csv, lines.join('\n'));
  return ws.write(
    'people',
    `SELECT holder, mobile, phone_num::BIGINT AS phone_num, random_num::BIGINT AS random_num
     FROM read_csv(${quoteLiteral(csv)}, all_varchar = true)`,
  );
}

describe('scanPersonalInfo', { timeout: 60_000 }, () => {
  it('finds ID numbers and mobiles (also stored as integers), not random numbers, with exact full-scan rates', async () => {
    const { path, columns } = await writePeople();
    const { sample } = await profileParquet({
      parquetPath: path,
      columns,
      duckdb: ws.duckdb,
      sampleRows: 2_000,
    });
    const findings = await scanPersonalInfo({ parquetPath: path, columns, sample, duckdb: ws.duckdb });

    const found = (column: string) => findings.filter((f) => f.column === column).map((f) => f.kind);
    expect(found('holder')).toEqual(['id_card']);
    expect(found('mobile')).toEqual(['mobile']);
    expect(found('phone_num')).toEqual(['mobile']);
    expect(found('random_num')).toEqual([]);

    const idCard = findings.find((f) => f.column === 'holder');
    expect(idCard).toMatchObject({
      matchRate: 1,
      validRate: 1,
      examined: ROWS,
      fullScan: true,
      nameHint: false,
    });
    const mobile = findings.find((f) => f.column === 'mobile');
    expect(mobile).toMatchObject({ matchRate: 0.99, examined: ROWS, fullScan: true, nameHint: true });
    expect(findings.find((f) => f.column === 'phone_num')).toMatchObject({
      matchRate: 1,
      examined: ROWS,
      fullScan: true,
    });
    for (const example of mobile?.examples ?? []) expect(example).toMatch(/^13\d\*{4}\d{4}$/);
  });

  it('treats a sample that is the whole file as a full scan', async () => {
    const { path, columns } = await ws.write(
      'few',
      `SELECT CASE WHEN range < 9 THEN '1390000000' || range ELSE 'n/a' END AS contact FROM range(10)`,
    );
    const { sample } = await profileParquet({ parquetPath: path, columns, duckdb: ws.duckdb });
    const findings = await scanPersonalInfo({ parquetPath: path, columns, sample, duckdb: ws.duckdb });
    expect(findings).toMatchObject([
      { column: 'contact', kind: 'mobile', matchRate: 0.9, examined: 10, fullScan: true },
    ]);
  });
});

describe('maskProfileTopValues', () => {
  it('masks top values, min and max of columns holding personal information and leaves the rest', async () => {
    const { path, columns } = await ws.write(
      'repeated',
      `SELECT '1381234' || lpad((range % 3)::VARCHAR, 4, '0') AS mobile, (range % 3)::VARCHAR AS grp FROM range(30)`,
    );
    const { profile, sample } = await profileParquet({ parquetPath: path, columns, duckdb: ws.duckdb });
    const findings = await scanPersonalInfo({ parquetPath: path, columns, sample, duckdb: ws.duckdb });
    const masked = maskProfileTopValues(profile, findings);

    const mobile = masked.columns.find((c) => c.name === 'mobile');
    expect(mobile?.topValues).toEqual([
      { value: '138****0000', count: 10 },
      { value: '138****0001', count: 10 },
      { value: '138****0002', count: 10 },
    ]);
    expect([mobile?.min, mobile?.max]).toEqual(['138****0000', '138****0002']);
    expect(masked.columns.find((c) => c.name === 'grp')).toEqual(
      profile.columns.find((c) => c.name === 'grp'),
    );
    // The profile given is not changed.
    expect(profile.columns.find((c) => c.name === 'mobile')?.topValues[0]?.value).toBe('13812340000');
  });

  it('leaves organization codes unmasked', () => {
    const profile = {
      rowCount: 2,
      columnCount: 1,
      sampleSize: 2,
      duplicateRowShare: 0,
      timings: {},
      columns: [
        {
          name: 'uscc',
          type: 'string' as const,
          physicalType: 'VARCHAR',
          count: 2,
          nullCount: 0,
          distinctEstimate: 1,
          min: '91350100M000100Y43',
          max: '91350100M000100Y43',
          topValues: [{ value: '91350100M000100Y43', count: 2 }],
        },
      ],
    };
    const finding = {
      column: 'uscc',
      kind: 'credit_code' as const,
      matchRate: 1,
      examined: 2,
      fullScan: true,
      examples: [],
      nameHint: true,
    };
    expect(maskProfileTopValues(profile, [finding])).toEqual(profile);
  });
});
