/**
 * Streaming exports against real DuckDB: 200k rows as CSV and NDJSON read back by DuckDB to the same
 * rows (awkward text included), bytes arrive chunk by chunk, and a consumer that stops early ends
 * the stream without hanging.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetColumn } from '@shuliu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDb, quoteLiteral } from '../../../platform/duckdb/duckdb.js';
import { buildRowsQuery, type BuiltQuery, type RowsQueryOptions } from './build-query.js';
import { exportRows, type ExportFormat } from './export.js';
import { openQueryFixture, type QueryFixture } from './query.fixtures.js';

const ROWS = 200_000;
/** Types to read the exported text back as, matching the Parquet source. */
const READ_BACK_TYPES = `{'id': 'BIGINT', 'text': 'VARCHAR', 'x': 'DOUBLE', 'day': 'DATE', 'at': 'TIMESTAMP', 'ok': 'BOOLEAN', '城市, "区"': 'VARCHAR'}`;

let fixture: QueryFixture;
let source: { path: string; columns: DatasetColumn[] };
beforeAll(async () => {
  fixture = await openQueryFixture();
  // Text cycles through quotes, commas, CR/LF, Chinese, empty and null; ids are shuffled in file order.
  source = await fixture.writeParquet(
    'export',
    `SELECT (i * 7919) % ${ROWS} AS id,
            CASE i % 6
              WHEN 0 THEN 'say "hi", then ' || i
              WHEN 1 THEN 'line one' || chr(10) || 'line two' || chr(13) || chr(10) || i
              WHEN 2 THEN '北京市海淀区，中关村' || i
              WHEN 3 THEN ''
              WHEN 4 THEN NULL
              ELSE ' padded ' || i || ' '
            END AS text,
            CASE WHEN i % 11 = 0 THEN NULL ELSE i / 7 END::DOUBLE AS x,
            DATE '2020-01-01' + (i % 1500)::INTEGER AS day,
            TIMESTAMP '2024-01-01 00:00:00' + to_microseconds(i * 1234567) AS at,
            i % 3 = 0 AS ok,
            '第' || i || '号' AS "城市, ""区"""
     FROM range(${ROWS}) t(i) ORDER BY i`,
  );
  await fixture.duckdb.run(
    `CREATE TABLE original AS SELECT * FROM read_parquet(${quoteLiteral(source.path)})`,
  );
});
afterAll(async () => {
  await fixture.close();
});

function build(o: Partial<RowsQueryOptions> = {}): BuiltQuery {
  const built = buildRowsQuery({ parquetPath: source.path, columns: source.columns, ...o });
  if ('error' in built) throw new Error(`unexpected refusal ${built.error.code}`);
  return built;
}

/** Writes the export to a file, recording the size of each piece the stream yields. */
async function exportToFile(
  format: ExportFormat,
  built = build(),
): Promise<{ file: string; pieces: number[] }> {
  const file = join(fixture.dir, `export-${format}-${Date.now()}.${format}`);
  const pieces: number[] = [];
  async function* recorded() {
    for await (const piece of exportRows({ duckdb: fixture.duckdb, built, format })) {
      pieces.push(piece.byteLength);
      yield piece;
    }
  }
  await writeFile(file, recorded());
  return { file, pieces };
}

/** Rows in one relation and not the other, both ways (0 when they hold the same rows). */
async function difference(readBack: string): Promise<number> {
  const [row] = await fixture.duckdb.all(
    `SELECT (SELECT count(*) FROM (SELECT * FROM original EXCEPT ALL SELECT * FROM ${readBack}))
          + (SELECT count(*) FROM (SELECT * FROM ${readBack} EXCEPT ALL SELECT * FROM original)) AS n`,
  );
  return Number(row?.n);
}

describe('exportRows', () => {
  it('writes 200k rows of CSV that read back to the same rows, with a BOM and a header first', async () => {
    const { file, pieces } = await exportToFile('csv');
    const head = (await readFile(file)).subarray(0, 64);
    expect([...head.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(head.subarray(3).toString('utf8')).toMatch(/^id,text,x,day,at,ok,"城市, ""区"""\r\n/);

    await fixture.duckdb.run(
      `CREATE TABLE from_csv AS SELECT * FROM read_csv(${quoteLiteral(file)}, header = true, delim = ',',
           quote = '"', escape = '"', allow_quoted_nulls = false, columns = ${READ_BACK_TYPES})`,
    );
    expect(await fixture.duckdb.all('SELECT count(*)::INTEGER AS n FROM from_csv')).toEqual([{ n: ROWS }]);
    expect(await difference('from_csv')).toBe(0);
    // One piece per DuckDB chunk: the export never gathers the result in memory.
    expect(pieces.length).toBeGreaterThan(50);
    expect(Math.max(...pieces)).toBeLessThan(1_000_000);
  }, 120_000);

  it('writes 200k rows of NDJSON that read back to the same rows', async () => {
    const { file, pieces } = await exportToFile('ndjson');
    const firstLine = (await readFile(file, 'utf8')).split('\n', 1)[0] ?? '';
    expect(JSON.parse(firstLine)).toEqual({
      id: 0,
      text: 'say "hi", then 0',
      x: null,
      day: '2020-01-01',
      at: '2024-01-01T00:00:00',
      ok: true,
      '城市, "区"': '第0号',
    });

    await fixture.duckdb.run(
      `CREATE TABLE from_ndjson AS SELECT * FROM read_json(${quoteLiteral(file)}, format = 'newline_delimited',
           columns = ${READ_BACK_TYPES})`,
    );
    expect(await fixture.duckdb.all('SELECT count(*)::INTEGER AS n FROM from_ndjson')).toEqual([{ n: ROWS }]);
    expect(await difference('from_ndjson')).toBe(0);
    expect(pieces.length).toBeGreaterThan(50);
  }, 120_000);

  it('streams in file order when nothing is sorted, and by the sort otherwise', async () => {
    const lines = async (built: BuiltQuery) => {
      const { file } = await exportToFile('ndjson', built);
      return (await readFile(file, 'utf8'))
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as { id: number }).id);
    };
    const filters = [{ column: 'id', op: 'lt' as const, value: 5000 }];
    const inFileOrder = await lines(build({ select: ['id'], filters }));
    expect(inFileOrder).toEqual(
      Array.from({ length: ROWS }, (_, i) => (i * 7919) % ROWS).filter((id) => id < 5000),
    );
    const sorted = await lines(
      build({ select: ['id'], filters, sort: [{ column: 'id', direction: 'desc' }] }),
    );
    expect(sorted).toEqual(Array.from({ length: 5000 }, (_, i) => 4999 - i));
  });

  it('stops fetching when the consumer stops, and leaves the connection usable', async () => {
    const iterator = exportRows({ duckdb: fixture.duckdb, built: build(), format: 'csv' })[
      Symbol.asyncIterator
    ]();
    const first = await iterator.next();
    const second = await iterator.next();
    expect(first.done).toBe(false);
    expect(second.done).toBe(false);
    expect(await iterator.return(undefined)).toEqual({ done: true, value: undefined });
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    expect(await fixture.duckdb.all('SELECT count(*)::INTEGER AS n FROM original')).toEqual([{ n: ROWS }]);
  });

  it('lets the caller close DuckDB once the consumer has stopped mid-stream', async () => {
    const duckdb = await openDuckDb({ threads: 2, memoryLimit: '256MB' });
    const iterator = exportRows({
      duckdb,
      built: build({ sort: [{ column: 'text', direction: 'asc' }] }),
      format: 'ndjson',
    })[Symbol.asyncIterator]();
    expect((await iterator.next()).done).toBe(false);
    await iterator.return(undefined);
    duckdb.close();
    await expect(duckdb.all('SELECT 1')).rejects.toThrow();
  });

  it('runs no query for a consumer that stops before reading', async () => {
    const iterator = exportRows({
      duckdb: fixture.duckdb,
      built: { sql: "SELECT error('must not run')", params: [], columns: [] },
      format: 'ndjson',
    })[Symbol.asyncIterator]();
    expect(await iterator.return(undefined)).toEqual({ done: true, value: undefined });
  });
});
