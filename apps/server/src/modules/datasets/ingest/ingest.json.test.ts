import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, linesOf, openBench, type IngestBench } from './ingest.test-helpers.js';

let bench: IngestBench;
beforeAll(async () => {
  bench = await openBench();
});
afterAll(async () => {
  await bench.close();
});

describe('ingesting JSON', () => {
  it('reads an array of objects', async () => {
    const json = JSON.stringify([
      { 名称: '甲', 数量: 1, 单价: 2.5, 有效: true },
      { 名称: '乙', 数量: 2, 单价: 3, 有效: false },
    ]);
    const result = await bench.ingest('items.json', json);
    expect(result.report).toMatchObject({ fatal: false, format: 'json', encoding: 'utf-8', rowsRead: 2 });
    expect(result.columns.map((c) => [c.name, c.type])).toEqual([
      ['名称', 'string'],
      ['数量', 'integer'],
      ['单价', 'decimal'],
      ['有效', 'boolean'],
    ]);
  });

  it('flattens nested NDJSON fields into JSON text columns', async () => {
    const lines = [
      { id: 1, tags: ['a', 'b'], owner: { name: '张三', city: '北京' } },
      { id: 2, tags: [], owner: { name: '李四', city: '上海' } },
      { id: 3, tags: ['c'], owner: null },
    ].map((record) => JSON.stringify(record));
    const result = await bench.ingest('events.ndjson', `${lines.join('\n')}\n`);
    expect(result.report).toMatchObject({ fatal: false, format: 'ndjson', rowsRead: 3 });
    expect(result.columns.map((c) => [c.name, c.physicalType])).toEqual([
      ['id', 'BIGINT'],
      ['tags', 'VARCHAR'],
      ['owner', 'VARCHAR'],
    ]);
    const rows = await bench.rows(result.parquetPath);
    expect(JSON.parse(String(rows[0]?.owner))).toEqual({ name: '张三', city: '北京' });
    expect(JSON.parse(String(rows[0]?.tags))).toEqual(['a', 'b']);
  });

  it('names the broken line of an NDJSON file', async () => {
    const lines = ['{"a":1}', '{"a":2}', '{"a":3}', '{"a":4,"b":', '{"a":5}'];
    const result = await bench.ingest('broken.ndjson', `${lines.join('\n')}\n`);
    expect(result.report.fatal).toBe(true);
    expect(linesOf(result, 'invalid_json')).toEqual([4]);
  });

  it('fails a malformed JSON array', async () => {
    const result = await bench.ingest('broken.json', '[\n{"a":1},\n{"a":2,"b":}\n]');
    expect(result.report.fatal).toBe(true);
    expect(codesOf(result)).toEqual(['invalid_json']);
  });

  it('refuses an array of plain values', async () => {
    const result = await bench.ingest('numbers.json', '[1, 2, 3]');
    expect(codesOf(result)).toEqual(['not_records']);
  });

  it('reads NDJSON with a byte order mark', async () => {
    const result = await bench.ingest('bom.jsonl', '\ufeff{"k":"值"}\n{"k":"另"}\n');
    expect(result.report).toMatchObject({
      fatal: false,
      format: 'ndjson',
      encoding: 'utf-8-bom',
      rowsRead: 2,
    });
  });
});
