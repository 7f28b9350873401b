import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, linesOf, openBench, type IngestBench } from './ingest.test-helpers.js';

let bench: IngestBench;
beforeAll(async () => {
  bench = await openBench();
});
afterAll(async () => {
  await bench.close();
});

describe('ingesting delimited text', () => {
  it('keeps Chinese header names and types the columns', async () => {
    const csv = '姓名,年龄,城市,入职日期\n张三,30,北京,2023-01-05\n李四,41,上海,2022-11-30\n';
    const result = await bench.ingest('员工.csv', csv);
    expect(result.report).toMatchObject({
      fatal: false,
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ',',
      hasHeader: true,
    });
    expect(result.report.rowsRead).toBe(2);
    expect(result.columns.map((c) => [c.name, c.type])).toEqual([
      ['姓名', 'string'],
      ['年龄', 'integer'],
      ['城市', 'string'],
      ['入职日期', 'date'],
    ]);
    const rows = await bench.rows(result.parquetPath);
    expect(rows[0]).toMatchObject({ 姓名: '张三', 城市: '北京' });
  });

  it('recognizes a TSV by its tabs', async () => {
    const result = await bench.ingest('data.tsv', 'id\tname\tscore\n1\talpha\t3.5\n2\tbeta, gamma\t4\n');
    expect(result.report).toMatchObject({ format: 'tsv', delimiter: '\t', rowsRead: 2 });
    expect((await bench.rows(result.parquetPath))[1]).toMatchObject({ name: 'beta, gamma' });
  });

  it('recognizes semicolons even when values contain decimal commas', async () => {
    const result = await bench.ingest('eu.csv', 'name;price;qty\nfoo;1,5;3\nbar;2,25;4\nbaz;3;5\n');
    expect(result.report).toMatchObject({ format: 'csv', delimiter: ';', rowsRead: 3 });
    expect(result.columns.map((c) => c.name)).toEqual(['name', 'price', 'qty']);
  });

  it('reads a UTF-8 file with a byte order mark without a stray character in the first name', async () => {
    const result = await bench.ingest('bom.csv', '\ufeff编号,名称\n1,甲\n2,乙\n');
    expect(result.report).toMatchObject({ fatal: false, encoding: 'utf-8-bom', rowsRead: 2 });
    expect(result.columns[0]?.name).toBe('编号');
  });

  it('rejects ragged rows by line and still ingests the rest', async () => {
    const lines = ['a,b,c'];
    for (let i = 2; i <= 10; i++) lines.push(i === 3 ? '1,2,3,4' : i === 7 ? '5,6' : `${i},x${i},y`);
    const result = await bench.ingest('ragged.csv', `${lines.join('\n')}\n`);
    expect(result.report.fatal).toBe(false);
    expect(result.report.rowsRejected).toBe(2);
    expect(result.report.rowsRead).toBe(7);
    expect(linesOf(result, 'ragged_row')).toEqual([3, 7]);
  });

  it('cuts the problem list at its cap and says so', async () => {
    const lines = ['a,b'];
    for (let i = 2; i <= 40; i++) lines.push(i % 4 === 0 ? `${i},x,extra` : `${i},x`);
    const result = await bench.ingest('many.csv', `${lines.join('\n')}\n`, { limits: { maxProblems: 5 } });
    expect(result.report).toMatchObject({ fatal: false, rowsRejected: 10, problemsTruncated: true });
    expect(linesOf(result, 'ragged_row')).toEqual([4, 8, 12, 16, 20]);
  });

  it('masks long digit runs in excerpts of rejected rows', async () => {
    const rows = ['name,phone', '甲,13812345678', '乙,13912345678,extra,110105199003071234'];
    const result = await bench.ingest('phones.csv', `${rows.join('\n')}\n`);
    const problem = result.report.problems.find((p) => p.code === 'ragged_row');
    expect(problem?.excerpt).toBe('乙,139******78,extra,110*************34');
  });

  it('reads a column as text when a value past the type sample does not fit, losing no row', async () => {
    const lines = ['身份证号,序号'];
    for (let i = 0; i < 25_000; i++) lines.push(`${110105199003070000 + i},${i}`);
    lines[24_000] = '11010519900307123X,23999';
    const result = await bench.ingest('ids.csv', `${lines.join('\n')}\n`);
    expect(result.report).toMatchObject({ fatal: false, rowsRead: 25_000, rowsRejected: 0 });
    expect(result.report.problems.map((p) => [p.code, p.column, p.line])).toEqual([
      ['column_as_text', '身份证号', 24_001],
    ]);
    expect(result.columns.map((c) => c.type)).toEqual(['string', 'integer']);
  });

  it('fails when most rows are rejected', async () => {
    const result = await bench.ingest('bad.csv', 'a,b\n1,2\n1,2,3\n4\n5,6,7\n');
    expect(result.report.fatal).toBe(true);
    expect(codesOf(result)).toContain('too_many_rejected');
    expect(result.parquetPath).toBeNull();
  });

  it('refuses a line longer than the limit, naming it', async () => {
    const result = await bench.ingest('one-line.csv', 'x'.repeat(10 * 1024 * 1024));
    expect(result.report.fatal).toBe(true);
    expect(result.report.problems.find((p) => p.code === 'line_too_long')?.line).toBe(1);
  });

  it('names the right line when a long line comes later', async () => {
    const result = await bench.ingest('later.csv', `a,b\n1,2\n3,${'y'.repeat(3000)}\n`, {
      limits: { maxLineBytes: 1024 },
    });
    expect(linesOf(result, 'line_too_long')).toEqual([3]);
  });

  it('names the line where quoting breaks when the table cannot be read at all', async () => {
    const result = await bench.ingest('quotes.csv', 'a,b\n1,2\n"unclosed,3\n4,5\n');
    expect(result.report.fatal).toBe(true);
    expect(linesOf(result, 'invalid_csv')).toEqual([3]);
  });

  it('keeps delimiters and newlines inside quoted fields', async () => {
    const result = await bench.ingest('quoted.csv', 'id,note\n1,"第一行\n第二行"\n2,"a,b"\n3,"say ""hi"""\n');
    expect(result.report).toMatchObject({ fatal: false, delimiter: ',', rowsRead: 3 });
    expect((await bench.rows(result.parquetPath)).map((row) => row.note)).toEqual([
      '第一行\n第二行',
      'a,b',
      'say "hi"',
    ]);
  });

  it('refuses binary content named .csv', async () => {
    const junk = Buffer.alloc(4096);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 256;
    const result = await bench.ingest('photo.csv', junk);
    expect(result.report.fatal).toBe(true);
    expect(codesOf(result)).toEqual(['binary_content']);
  });

  it('refuses an empty file', async () => {
    const result = await bench.ingest('empty.csv', '');
    expect(result.report).toMatchObject({ fatal: true, format: null });
    expect(codesOf(result)).toEqual(['empty_file']);
  });

  it('accepts a header-only file with a warning and no rows', async () => {
    const result = await bench.ingest('header.csv', '订单号,金额\n');
    expect(result.report).toMatchObject({ fatal: false, rowsRead: 0 });
    expect(codesOf(result)).toEqual(['no_rows']);
    expect(result.columns.map((c) => c.name)).toEqual(['订单号', '金额']);
  });

  it('names empty and repeated header cells', async () => {
    const result = await bench.ingest('names.csv', ' 城市 ,,城市,CITY\n北京,1,2,3\n上海,4,5,6\n');
    expect(result.columns.map((c) => c.name)).toEqual(['城市', 'column_2', '城市_2', 'CITY']);
  });

  it('gives a headerless file positional names', async () => {
    const result = await bench.ingest('numbers.csv', '1,2.5,3\n4,5.5,6\n');
    expect(result.report.hasHeader).toBe(false);
    expect(result.report.rowsRead).toBe(2);
    expect(result.columns.map((c) => c.name)).toEqual(['column_1', 'column_2', 'column_3']);
  });

  it('skips a title line above the table and says so', async () => {
    const result = await bench.ingest(
      'report.csv',
      '2024 年销售报表\n地区,销售额,数量\n华东,100.5,3\n华北,80,2\n',
    );
    expect(result.report).toMatchObject({ fatal: false, rowsRead: 2, rowsRejected: 0 });
    expect(linesOf(result, 'skipped_title_line')).toEqual([1]);
    expect(result.columns.map((c) => c.name)).toEqual(['地区', '销售额', '数量']);
  });

  it('warns when the extension names another kind of file', async () => {
    const result = await bench.ingest('table.json', 'a,b\n1,2\n');
    expect(result.report.format).toBe('csv');
    expect(codesOf(result)).toContain('extension_mismatch');
  });

  it('reports progress that only grows and ends at 1', async () => {
    const shares: number[] = [];
    const lines = ['id,value'];
    for (let i = 0; i < 20_000; i++) lines.push(`${i},${i * 2}`);
    const result = await bench.ingest('progress.csv', lines.join('\n'), {
      onProgress: (share) => shares.push(share),
    });
    expect(result.report.rowsRead).toBe(20_000);
    expect(shares.at(-1)).toBe(1);
    expect(shares).toEqual([...shares].sort((x, y) => x - y));
  });
});
