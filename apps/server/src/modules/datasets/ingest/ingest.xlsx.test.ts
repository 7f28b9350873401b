import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  codesOf,
  linesOf,
  openBench,
  repeated,
  workbookParts,
  writeZip,
  type IngestBench,
} from './ingest.test-helpers.js';

let bench: IngestBench;
beforeAll(async () => {
  bench = await openBench();
});
afterAll(async () => {
  await bench.close();
});

const SHEET_HEAD =
  '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

describe('ingesting XLSX', () => {
  it('reads the first sheet with Chinese text, dates, numbers, formulas and rich text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('销售明细');
    sheet.addRow(['日期', '地区', '金额', '备注']);
    sheet.addRow([
      new Date(Date.UTC(2024, 0, 15)),
      '华东',
      1234.5,
      { richText: [{ text: '富' }, { text: '文本' }] },
    ]);
    sheet.addRow([
      new Date(Date.UTC(2024, 1, 1)),
      '华北',
      { formula: 'C2*2', result: 2469 },
      '含,逗号与"引号"',
    ]);
    // Row 4 is left empty; row 5 continues the table.
    sheet.getRow(5).values = [new Date(Date.UTC(2024, 2, 3)), '华南', 10, ''];
    workbook.addWorksheet('其他').addRow(['不应读取']);
    const path = join(bench.dir, 'sales.xlsx');
    await workbook.xlsx.writeFile(path);

    const result = await bench.ingestPath(path, 'sales.xlsx');
    expect(result.report).toMatchObject({
      fatal: false,
      format: 'xlsx',
      sheet: '销售明细',
      rowsRead: 3,
      rowsRejected: 0,
    });
    expect(result.columns.map((c) => [c.name, c.type])).toEqual([
      ['日期', 'date'],
      ['地区', 'string'],
      ['金额', 'decimal'],
      ['备注', 'string'],
    ]);
    const rows = await bench.rows(result.parquetPath);
    expect(rows.map((row) => [row.日期, row.地区, row.金额, row.备注])).toEqual([
      ['2024-01-15', '华东', 1234.5, '富文本'],
      ['2024-02-01', '华北', 2469, '含,逗号与"引号"'],
      ['2024-03-03', '华南', 10, null],
    ]);
  });

  it('names problem rows by their sheet row number', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('表');
    sheet.getRow(3).values = ['编号', '名称'];
    sheet.getRow(4).values = [1, '甲'];
    sheet.getRow(7).values = [2, '乙', '多出的一格'];
    sheet.getRow(8).values = [3, '丙'];
    sheet.getRow(9).values = [4, '丁'];
    const path = join(bench.dir, 'rows.xlsx');
    await workbook.xlsx.writeFile(path);
    const result = await bench.ingestPath(path, 'rows.xlsx');
    expect(result.report).toMatchObject({ fatal: false, rowsRead: 3, rowsRejected: 1 });
    expect(linesOf(result, 'ragged_row')).toEqual([7]);
  });

  it('reads a minimal workbook with inline strings and no shared strings or styles', async () => {
    const sheet =
      `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c><c r="B1" t="inlineStr"><is><t>数量</t></is></c></row>` +
      `<row r="2"><c r="A2" t="inlineStr"><is><t>苹果</t></is></c><c r="B2"><v>3</v></c></row>${SHEET_TAIL}`;
    const path = join(bench.dir, 'minimal.xlsx');
    await writeZip(path, workbookParts([Buffer.from(sheet)]));
    const result = await bench.ingestPath(path, 'minimal.xlsx');
    expect(result.report).toMatchObject({ fatal: false, sheet: '数据', rowsRead: 1 });
    expect(await bench.rows(result.parquetPath)).toEqual([{ 名称: '苹果', 数量: '3' }]);
  });

  it('refuses a compression bomb from its directory, without inflating it', async () => {
    const row = Buffer.from(
      '<row r="2"><c r="A2" t="inlineStr"><is><t>炸弹</t></is></c></row>'.repeat(16_384),
    );
    const count = Math.ceil((300 * 1024 * 1024) / row.length);
    const path = join(bench.dir, 'bomb.xlsx');
    await writeZip(
      path,
      workbookParts([Buffer.from(SHEET_HEAD), ...repeated(row, count), Buffer.from(SHEET_TAIL)]),
    );
    const result = await bench.ingestPath(path, 'bomb.xlsx');
    expect(result.report.fatal).toBe(true);
    expect(codesOf(result)).toEqual(['zip_bomb']);
  });

  it('refuses a sheet that inflates to more than its directory declares', async () => {
    const row = Buffer.from('<row r="2"><c r="A2"><v>1</v></c></row>'.repeat(4096));
    const path = join(bench.dir, 'liar.xlsx');
    const chunks = [Buffer.from(SHEET_HEAD), ...repeated(row, 200), Buffer.from(SHEET_TAIL)];
    await writeZip(path, workbookParts(chunks, 1000));
    const result = await bench.ingestPath(path, 'liar.xlsx');
    expect(result.report.fatal).toBe(true);
    expect(codesOf(result)).toEqual(['zip_bomb']);
  });

  it('refuses a ZIP that is not a workbook', async () => {
    const path = join(bench.dir, 'archive.xlsx');
    await writeZip(path, [{ name: 'readme.txt', chunks: [Buffer.from('hello')] }]);
    const result = await bench.ingestPath(path, 'archive.xlsx');
    expect(codesOf(result)).toEqual(['not_xlsx']);
  });

  it('refuses a workbook whose sheet cannot be inflated', async () => {
    const path = join(bench.dir, 'damaged.xlsx');
    const rows = '<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(100);
    await writeZip(path, workbookParts([Buffer.from(`${SHEET_HEAD}${rows}${SHEET_TAIL}`)]));
    const bytes = await readFile(path);
    // Find the sheet in the central directory and overwrite its compressed data with 0xFF (an
    // invalid deflate block type), keeping every header intact.
    let at = bytes.readUInt32LE(bytes.length - 22 + 16);
    for (;;) {
      const nameLength = bytes.readUInt16LE(at + 28);
      const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
      if (name === 'xl/worksheets/sheet1.xml') {
        const local = bytes.readUInt32LE(at + 42);
        const start = local + 30 + bytes.readUInt16LE(local + 26);
        bytes.fill(0xff, start, start + bytes.readUInt32LE(at + 20));
        break;
      }
      at += 46 + nameLength;
    }
    await writeFile(path, bytes);
    const result = await bench.ingestPath(path, 'damaged.xlsx');
    expect(result.report.fatal).toBe(true);
    expect(codesOf(result)).toEqual(['invalid_xlsx']);
  });
});
