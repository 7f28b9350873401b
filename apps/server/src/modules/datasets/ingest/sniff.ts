/**
 * Format sniffing: the file's first bytes decide what it is (Parquet, XLSX, JSON, NDJSON or a
 * delimited text table); the name's extension is only a hint, and a disagreement is a warning.
 * Empty files, binary junk and ZIPs that are not workbooks end the ingest here.
 */
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import iconv from 'iconv-lite';
import type { DatasetFormat, IngestProblem } from '@shuliu/core';
import { fail } from './problems.js';
import { openZipDirectory } from './zip-directory.js';

/** What the content is; a delimited table becomes `csv` or `tsv` once its delimiter is known. */
export type SourceKind = 'parquet' | 'xlsx' | 'json' | 'ndjson' | 'delimited';

const HEAD_BYTES = 64 * 1024;
const MAX_CONTROL_SHARE = 0.1;
/** Entries read while looking for the workbook part; the XLSX stage applies the real limit. */
const SNIFF_MAX_ENTRIES = 10_000;

/** Decides the kind of content from the file's bytes; bad files end the ingest. */
export async function sniffFormat(path: string): Promise<SourceKind> {
  const { head, tail, size } = await readEnds(path);
  if (size === 0) fail('empty_file', '文件是空的，请检查是否上传了正确的文件');
  if (startsWith(head, [0x50, 0x41, 0x52, 0x31])) {
    if (size < 12 || !startsWith(tail, [0x50, 0x41, 0x52, 0x31])) {
      fail(
        'invalid_parquet',
        'Parquet 文件不完整（文件尾缺少标记），可能上传中断或文件已损坏，请重新导出后上传',
      );
    }
    return 'parquet';
  }
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    await checkWorkbookParts(path);
    return 'xlsx';
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) {
    fail('xls_not_supported', '不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV 后重新上传');
  }
  const text = headText(head);
  const trimmed = text.trimStart();
  if (trimmed.length === 0 && size <= HEAD_BYTES) fail('empty_file', '文件只包含空白字符，没有可读取的数据');
  if (trimmed.startsWith('[')) return 'json';
  if (trimmed.startsWith('{')) return isNdjson(trimmed) ? 'ndjson' : 'json';
  return 'delimited';
}

async function readEnds(path: string): Promise<{ head: Buffer; tail: Buffer; size: number }> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
    await handle.read(head, 0, head.length, 0);
    const tail = Buffer.alloc(Math.min(4, size));
    await handle.read(tail, 0, tail.length, Math.max(0, size - 4));
    return { head, tail, size };
  } finally {
    await handle.close();
  }
}

function startsWith(bytes: Buffer, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}

/** The head as text (byte order mark removed); refuses binary content. */
function headText(head: Buffer): string {
  if (startsWith(head, [0xff, 0xfe])) return checkText(iconv.decode(head.subarray(2), 'utf-16le'));
  if (startsWith(head, [0xfe, 0xff])) return checkText(iconv.decode(head.subarray(2), 'utf-16be'));
  const body = startsWith(head, [0xef, 0xbb, 0xbf]) ? head.subarray(3) : head;
  // Latin-1 keeps every byte as one character: enough to judge structure whatever the encoding.
  return checkText(body.toString('latin1'));
}

function checkText(text: string): string {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) binaryContent();
    const isAllowedControl = code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
    if ((code < 0x20 && !isAllowedControl) || code === 0x7f) controls += 1;
  }
  if (controls > MAX_CONTROL_SHARE * text.length) binaryContent();
  return text;
}

function binaryContent(): never {
  return fail(
    'binary_content',
    '文件内容不是文本表格，可能是二进制文件被改了扩展名，请上传 CSV/TSV/JSON/Parquet/XLSX',
  );
}

/** `{` followed by a complete object on the first line and more lines after it. */
function isNdjson(text: string): boolean {
  const newline = text.indexOf('\n');
  if (newline === -1 || text.slice(newline + 1).trim().length === 0) return false;
  try {
    const first: unknown = JSON.parse(text.slice(0, newline));
    return typeof first === 'object' && first !== null && !Array.isArray(first);
  } catch {
    return false;
  }
}

async function checkWorkbookParts(path: string): Promise<void> {
  const { zip, entries } = await openZipDirectory(path, SNIFF_MAX_ENTRIES);
  zip.close();
  const names = new Set(entries.map((entry) => entry.fileName));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
    fail(
      'not_xlsx',
      '文件是 ZIP 压缩包但不是 Excel 工作簿（XLSX），请用 Excel 另存为 .xlsx 或导出为 CSV 后上传',
    );
  }
}

/** The format a file name suggests, or null when the extension says nothing. */
function formatOfExtension(filename: string): DatasetFormat | 'text' | null {
  switch (extname(filename).toLowerCase()) {
    case '.csv':
      return 'csv';
    case '.tsv':
    case '.tab':
      return 'tsv';
    case '.txt':
      return 'text';
    case '.json':
      return 'json';
    case '.jsonl':
    case '.ndjson':
      return 'ndjson';
    case '.parquet':
    case '.pq':
      return 'parquet';
    case '.xlsx':
      return 'xlsx';
    default:
      return null;
  }
}

/** Families of formats that differ only in detail (a `.csv` holding tabs is not worth a warning). */
const FAMILY: Record<DatasetFormat | 'text', string> = {
  csv: 'table',
  tsv: 'table',
  text: 'table',
  json: 'json',
  ndjson: 'json',
  parquet: 'parquet',
  xlsx: 'xlsx',
};

/** A warning when the extension names another kind of file than the content is. */
export function extensionMismatch(filename: string, format: DatasetFormat): IngestProblem | null {
  const hinted = formatOfExtension(filename);
  if (hinted === null || FAMILY[hinted] === FAMILY[format]) return null;
  return {
    code: 'extension_mismatch',
    message: `文件扩展名（${extname(filename)}）与内容不符，已按内容识别为 ${format.toUpperCase()} 读取，请确认上传的文件正确`,
  };
}
