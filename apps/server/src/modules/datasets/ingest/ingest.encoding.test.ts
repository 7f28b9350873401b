import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, linesOf, openBench, type IngestBench } from './ingest.test-helpers.js';

let bench: IngestBench;
beforeAll(async () => {
  bench = await openBench();
});
afterAll(async () => {
  await bench.close();
});

const gb = (text: string): Buffer => iconv.encode(text, 'gbk');
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

/** `count` data rows of Chinese text, numbered from 1 (the header is line 1). */
function chineseRows(count: number): string[] {
  const cities = ['北京', '上海', '广州', '深圳', '杭州'];
  return Array.from({ length: count }, (_, i) => `${i + 1},用户${i + 1},${cities[i % cities.length] ?? ''}`);
}

describe('ingesting text encodings', () => {
  it('transcodes a GBK file as GB18030 with the Chinese intact', async () => {
    const text = `编号,姓名,城市\n${chineseRows(3).join('\n')}\n`;
    const result = await bench.ingest('gbk.csv', gb(text));
    expect(result.report).toMatchObject({ fatal: false, encoding: 'gb18030', rowsRead: 3 });
    expect(result.columns.map((c) => c.name)).toEqual(['编号', '姓名', '城市']);
    expect(await bench.rows(result.parquetPath)).toContainEqual({ 编号: '2', 姓名: '用户2', 城市: '上海' });
  });

  it('transcodes UTF-16 with a byte order mark', async () => {
    const body = iconv.encode('名称\t数量\n苹果\t3\n', 'utf-16le');
    const result = await bench.ingest('u16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), body]));
    expect(result.report).toMatchObject({ fatal: false, encoding: 'utf-16le', format: 'tsv', rowsRead: 1 });
    expect(await bench.rows(result.parquetPath)).toEqual([{ 名称: '苹果', 数量: '3' }]);
  });

  it('refuses a UTF-8 file with several GB18030 lines, naming them', async () => {
    const rows = chineseRows(20);
    const parts = [utf8('编号,姓名,城市\n')];
    rows.forEach((row, i) => parts.push((i === 4 || i === 11 ? gb : utf8)(`${row}\n`)));
    const result = await bench.ingest('mixed.csv', Buffer.concat(parts));
    expect(result.report.fatal).toBe(true);
    // Data rows 5 and 12 are physical lines 6 and 13.
    expect(linesOf(result, 'mixed_encoding')).toEqual([6, 13]);
  });

  it('refuses a GB18030 file with a UTF-8 line, naming it', async () => {
    const rows = chineseRows(20);
    const parts = [gb('编号,姓名,城市\n')];
    rows.forEach((row, i) => parts.push((i === 8 ? utf8 : gb)(`${row}\n`)));
    const result = await bench.ingest('mixed-gb.csv', Buffer.concat(parts));
    expect(result.report).toMatchObject({ fatal: true, encoding: null });
    expect(linesOf(result, 'mixed_encoding')).toEqual([10]);
  });

  it('repairs a rare GB18030 line in a UTF-8 file with a warning', async () => {
    const rows = chineseRows(300);
    const parts = [utf8('编号,姓名,城市\n')];
    rows.forEach((row, i) => parts.push((i === 149 ? gb : utf8)(`${row}\n`)));
    const result = await bench.ingest('rare.csv', Buffer.concat(parts));
    expect(result.report).toMatchObject({ fatal: false, encoding: 'utf-8', rowsRead: 300 });
    expect(linesOf(result, 'mixed_encoding')).toEqual([151]);
    expect(await bench.rows(result.parquetPath)).toContainEqual({
      编号: '150',
      姓名: '用户150',
      城市: '杭州',
    });
  });

  it('refuses text in an encoding it cannot read', async () => {
    const latin = Buffer.from('name,city\nJosé,São Paulo\nFrançois,Montréal\nRenée,Zürich\n', 'latin1');
    const result = await bench.ingest('latin.csv', latin);
    expect(result.report.fatal).toBe(true);
    expect(codesOf(result)).toEqual(['unsupported_encoding']);
  });
});
