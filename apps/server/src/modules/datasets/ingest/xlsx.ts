/**
 * XLSX uploads: the ZIP is checked for compression bombs, the first worksheet is streamed (exceljs)
 * from a ZIP we inflated and counted ourselves, written to `sheet.csv`, and read as a CSV whose
 * problem lines are the sheet's row numbers.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Entry, ZipFile } from 'yauzl';
import { XLSX_MAX_ENTRIES, type IngestContext } from './context.js';
import { ingestDelimited } from './csv.js';
import { IngestFailure, fail } from './problems.js';
import { subSpan, type ProgressSpan } from './progress.js';
import { cellText, toCsvLine } from './xlsx-cells.js';
import { findFirstSheet } from './xlsx-workbook.js';
import { inflateEntry, untilStopped, verifiedZipStream, type ZipPart } from './xlsx-stream.js';
import { checkDeclaredSizes, openZipDirectory, refuseBomb } from './zip-directory.js';

/** Small workbook parts read whole into memory; larger ones are refused. */
const MAX_SMALL_PART_BYTES = 64 * 1024 * 1024;
/** The shared-strings table is held in memory by the reader. */
const MAX_SHARED_STRINGS_BYTES = 512 * 1024 * 1024;

/** Reads the first worksheet of an XLSX into the normalized copy. */
export async function ingestXlsx(ctx: IngestContext, path: string, span: ProgressSpan): Promise<void> {
  const { limits } = ctx;
  const { zip, entries } = await openZipDirectory(path, XLSX_MAX_ENTRIES);
  try {
    checkDeclaredSizes(entries, {
      maxEntries: XLSX_MAX_ENTRIES,
      maxUncompressedBytes: limits.xlsxMaxUncompressedBytes,
      maxEntryUncompressed: limits.xlsxMaxEntryUncompressed,
      maxRatio: limits.xlsxMaxRatio,
    });
    const byName = new Map(entries.map((entry) => [entry.fileName, entry]));
    const small = async (name: string): Promise<string> => {
      const entry = byName.get(name);
      if (!entry) return '';
      if (entry.uncompressedSize > MAX_SMALL_PART_BYTES)
        refuseBomb(entry.uncompressedSize, entry.compressedSize);
      const chunks: Buffer[] = [];
      for await (const chunk of inflateEntry(zip, entry)) chunks.push(chunk);
      return Buffer.concat(chunks).toString('utf8');
    };
    let sheet: ReturnType<typeof findFirstSheet>;
    try {
      sheet = findFirstSheet(await small('xl/workbook.xml'), await small('xl/_rels/workbook.xml.rels'));
    } catch (error) {
      if (error instanceof IngestFailure) throw error;
      return fail('invalid_xlsx', 'XLSX 文件已损坏（工作簿目录无法解压），请在 Excel 中重新保存后上传');
    }
    const sheetEntry = sheet ? byName.get(sheet.part) : undefined;
    if (!sheet || !sheetEntry)
      return fail('invalid_xlsx', 'XLSX 文件中找不到工作表，请在 Excel 中重新保存后上传');
    ctx.report.sheet = sheet.name;
    const shared = byName.get('xl/sharedStrings.xml');
    if (shared && shared.uncompressedSize > MAX_SHARED_STRINGS_BYTES) {
      fail('xlsx_too_large', 'XLSX 的共享文本表过大，请把工作表导出为 CSV 后上传');
    }

    const csvPath = join(ctx.workDir, 'sheet.csv');
    const header = await writeSheetCsv(ctx, zip, byName, sheetEntry, shared, csvPath, subSpan(span, 0, 0.5));
    await ingestDelimited(
      ctx,
      {
        path: csvPath,
        dialect: {
          delimiter: ',',
          hasHeader: true,
          skipLines: 0,
          titleLines: [],
          header: header.cells,
          badQuoteLine: null,
        },
        lineOffset: header.row - 1,
      },
      subSpan(span, 0.5, 1),
    );
  } finally {
    zip.close();
  }
}

/** Streams the sheet's rows into a CSV; returns the header cells and the sheet row they were on. */
async function writeSheetCsv(
  ctx: IngestContext,
  zip: ZipFile,
  byName: Map<string, Entry>,
  sheetEntry: Entry,
  shared: Entry | undefined,
  csvPath: string,
  span: ProgressSpan,
): Promise<{ cells: string[]; row: number }> {
  const parts: ZipPart[] = [];
  for (const name of ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml']) {
    const entry = byName.get(name);
    if (entry) parts.push({ name, entry });
  }
  // Shared strings before the sheet, so the reader never parks the sheet in a temporary file.
  parts.push(
    shared
      ? { name: 'xl/sharedStrings.xml', entry: shared }
      : { name: 'xl/sharedStrings.xml', content: EMPTY_SST },
  );
  parts.push({ name: 'xl/worksheets/sheet1.xml', entry: sheetEntry });

  let sheetBytes = 0;
  const { stream, outcome, stopped } = verifiedZipStream(zip, parts, {
    limit: ctx.limits.xlsxMaxUncompressedBytes,
    onBytes: (name, bytes) => {
      if (name !== 'xl/worksheets/sheet1.xml') return;
      sheetBytes += bytes;
      span(sheetBytes / Math.max(1, sheetEntry.uncompressedSize));
    },
  });
  const out = createWriteStream(csvPath, { encoding: 'utf8' });
  let header: { cells: string[]; row: number } | null = null;
  let lastRow = 0;
  let readError: unknown = null;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
      sharedStrings: 'cache',
      worksheets: 'emit',
      hyperlinks: 'ignore',
      // Styles are what tell a date from a number; without them dates arrive as serial numbers.
      styles: 'cache',
      entries: 'ignore',
    });
    const write = async (text: string): Promise<void> => {
      if (!out.write(text)) await once(out, 'drain');
    };
    // Raced against `stopped`: a reader fed a cut ZIP can wait forever.
    for await (const worksheet of untilStopped(reader, stopped)) {
      for await (const row of untilStopped(worksheet, stopped)) {
        // `values` is sparse and 1-based; Array.from turns its holes into empty cells.
        const values = Array.isArray(row.values)
          ? Array.from((row.values as unknown[]).slice(1), cellText)
          : [];
        while (values.length > 0 && values[values.length - 1] === '') values.pop();
        if (header === null) {
          if (values.length === 0) continue;
          header = { cells: values, row: row.number };
          await write(toCsvLine(values, values.length));
        } else {
          // Blank lines keep CSV line numbers in step with sheet rows; the CSV reader skips them.
          const gap = '\n'.repeat(Math.max(0, row.number - lastRow - 1));
          await write(gap + (values.length > 0 ? toCsvLine(values, header.cells.length) : '\n'));
        }
        lastRow = row.number;
      }
    }
  } catch (error) {
    readError = error;
  } finally {
    stream.destroy();
    out.end();
    await once(out, 'close');
  }
  if (outcome.failure) throw outcome.failure;
  if (outcome.error || readError) {
    fail('invalid_xlsx', 'XLSX 文件已损坏或格式不标准，无法读取，请在 Excel 中重新保存后上传');
  }
  if (header === null)
    fail(
      'empty_sheet',
      `第一个工作表「${ctx.report.sheet ?? ''}」是空的，请把数据放在第一个工作表后重新上传`,
    );
  return header;
}

const EMPTY_SST = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
);
