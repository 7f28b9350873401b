/**
 * Bad files through the real path — tus upload, stored blob, the pg-boss processing job — each ends
 * in a version with a per-file report (line numbers where they exist), never a stuck job; and the
 * queue still processes a good file afterwards.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDb } from '../../platform/duckdb/duckdb.js';
import { registerParticipantOrg, type ParticipantOrg } from '../../test/factories.js';
import { startTestNode, type TestNode } from '../../test/test-node.js';
import { uploadFile, waitForVersion, type VersionBody } from './datasets.test-helpers.js';
import { repeated, workbookParts, writeZip } from './ingest/ingest.test-helpers.js';

let node: TestNode;
let holder: ParticipantOrg;
let datasetId: string;
let dir: string;

beforeAll(async () => {
  node = await startTestNode();
  holder = await registerParticipantOrg(node, ['provider']);
  const res = await holder.owner.send('POST', '/api/datasets', {
    organizationId: holder.organizationId,
    name: '坏文件',
  });
  datasetId = ((await res.json()) as { id: string }).id;
  dir = await mkdtemp(join(tmpdir(), 'shuliu-bad-input-'));
}, 120_000);

afterAll(async () => {
  await node.close();
  await rm(dir, { recursive: true, force: true });
});

/** Uploads `bytes` as `filename` and waits for its version to be processed. */
async function processed(filename: string, bytes: Uint8Array): Promise<VersionBody> {
  const done = await uploadFile(holder.owner, datasetId, filename, bytes);
  return waitForVersion(holder.owner, datasetId, done.versionNumber ?? 0);
}

const problemsOf = (version: VersionBody, code: string) =>
  (version.ingest?.problems ?? []).filter((p) => p.code === code);

describe('bad input through upload and the processing job', () => {
  it('reads a CSV with ragged rows and reports those rows by line', async () => {
    const lines = ['编号,名称,数量'];
    for (let i = 2; i <= 10; i++)
      lines.push(i === 3 ? '1,甲,3,多余' : i === 7 ? '5,乙' : `${i},丙${i},${i * 2}`);
    const version = await processed('ragged.csv', Buffer.from(`${lines.join('\n')}\n`));
    expect(version.state).toBe('ready');
    expect(version.rowCount).toBe(7);
    expect(version.ingest?.rowsRejected).toBe(2);
    expect(problemsOf(version, 'ragged_row').map((p) => p.line)).toEqual([3, 7]);
  }, 60_000);

  it('fails a 10 MB single line with the line number', async () => {
    const version = await processed('one-line.csv', Buffer.from(`a,b\n1,${'x'.repeat(10 * 1024 * 1024)}\n`));
    expect(version.state).toBe('failed');
    expect(problemsOf(version, 'line_too_long').map((p) => p.line)).toEqual([2]);
  }, 60_000);

  it('fails a UTF-8 file with GB18030 lines, naming the lines', async () => {
    const parts: Buffer[] = [Buffer.from('编号,姓名,城市\n')];
    for (let i = 1; i <= 20; i++) {
      const row = `${i},张${i},北京\n`;
      parts.push(i === 5 || i === 12 ? iconv.encode(row, 'gb18030') : Buffer.from(row));
    }
    const version = await processed('mixed.csv', Buffer.concat(parts));
    expect(version.state).toBe('failed');
    expect(problemsOf(version, 'mixed_encoding').map((p) => p.line)).toEqual([6, 13]);
  }, 60_000);

  it('fails an XLSX compression bomb without inflating it', async () => {
    const row = Buffer.from(
      '<row r="2"><c r="A2" t="inlineStr"><is><t>炸弹</t></is></c></row>'.repeat(16_384),
    );
    const path = join(dir, 'bomb.xlsx');
    const head =
      '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    await writeZip(
      path,
      workbookParts([
        Buffer.from(head),
        ...repeated(row, Math.ceil((300 * 1024 * 1024) / row.length)),
        Buffer.from('</sheetData></worksheet>'),
      ]),
    );
    const version = await processed('bomb.xlsx', await readFile(path));
    expect(version.state).toBe('failed');
    expect(version.ingest?.problems.map((p) => p.code)).toEqual(['zip_bomb']);
  }, 120_000);

  it('fails a Parquet file with nested and interval columns, naming each', async () => {
    const path = join(dir, 'nested.parquet');
    const duckdb = await openDuckDb();
    try {
      await duckdb.run(
        `COPY (SELECT 1 AS ok, {'a': 1} AS s, [1, 2] AS l, INTERVAL 1 DAY AS i) TO '${path}' (FORMAT parquet)`,
      );
    } finally {
      duckdb.close();
    }
    const version = await processed('nested.parquet', await readFile(path));
    expect(version.state).toBe('failed');
    expect(
      problemsOf(version, 'unsupported_type')
        .map((p) => p.column)
        .sort(),
    ).toEqual(['i', 'l', 's']);
  }, 60_000);

  it('still processes a good file after all of them', async () => {
    const version = await processed('good.csv', Buffer.from('编号,名称\n1,甲\n2,乙\n'));
    expect(version.state).toBe('ready');
    expect(version.rowCount).toBe(2);
    const versions = (await (await holder.owner.request(`/api/datasets/${datasetId}/versions`)).json()) as {
      items: { state: string }[];
    };
    expect(versions.items.every((v) => v.state === 'ready' || v.state === 'failed')).toBe(true);
  }, 60_000);
});
