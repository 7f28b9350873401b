/**
 * The dialect of a delimited text table, judged from its first lines: the delimiter (the candidate
 * giving the most consistent field count), whether the first row is a header, title lines above
 * the table to skip, and the first line whose quoting is broken (for a useful error message).
 */
import { open } from 'node:fs/promises';

export interface CsvDialect {
  delimiter: string;
  hasHeader: boolean;
  /** Physical lines above the table (titles, blank lines) that the reader skips. */
  skipLines: number;
  /** The title lines among them, for a warning. */
  titleLines: number[];
  /** Fields of the header row as written (empty when there is no header). */
  header: string[];
  /** The first physical line whose quotes do not follow RFC 4180, if one was seen. */
  badQuoteLine: number | null;
}

/** Delimiters tried, in order of preference on a tie. */
const CANDIDATES = [',', '\t', ';', '|'] as const;
const HEAD_BYTES = 256 * 1024;
const SAMPLE_RECORDS = 50;
/** Title lines looked for above the table. */
const MAX_PREAMBLE = 10;

interface CsvRecord {
  fields: string[];
  /** Physical line the record starts on (1-based). */
  line: number;
}

interface Parsed {
  records: CsvRecord[];
  badQuoteLine: number | null;
}

/** Reads the head of a UTF-8 file and judges its dialect. */
export async function detectDialect(path: string): Promise<CsvDialect> {
  const text = await readHead(path);
  let best: { delimiter: string; parsed: Parsed; score: number; width: number } | null = null;
  for (const delimiter of CANDIDATES) {
    const parsed = parseRecords(text, delimiter, SAMPLE_RECORDS + MAX_PREAMBLE);
    const { width, share } = modalWidth(parsed.records);
    const score = width >= 2 ? share : 0;
    if (!best || score > best.score || (score === best.score && score > 0 && width > best.width)) {
      best = { delimiter, parsed, score, width };
    }
  }
  const chosen = best ?? {
    delimiter: ',',
    parsed: parseRecords(text, ',', SAMPLE_RECORDS),
    score: 0,
    width: 1,
  };
  const records = chosen.parsed.records;
  // Title lines: leading records at most half as wide as the table (“2024 年销售报表”).
  let first = 0;
  const isNarrow = (record: CsvRecord | undefined): boolean =>
    record !== undefined && chosen.width >= 2 && record.fields.length <= chosen.width / 2;
  while (first < MAX_PREAMBLE && isNarrow(records[first])) first += 1;
  const headRecord = records[first];
  const skipLines = headRecord ? headRecord.line - 1 : 0;
  const hasHeader = headRecord !== undefined && isHeaderRow(headRecord.fields, records.slice(first + 1));
  return {
    delimiter: chosen.delimiter,
    hasHeader,
    skipLines,
    titleLines: records.slice(0, first).map((record) => record.line),
    header: hasHeader && headRecord ? headRecord.fields : [],
    badQuoteLine: chosen.parsed.badQuoteLine,
  };
}

async function readHead(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
    await handle.read(head, 0, head.length, 0);
    const start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    // A head cut mid-file ends at its last full line, so no half record is judged.
    const end = size > head.length ? head.lastIndexOf(0x0a) + 1 : head.length;
    return head.subarray(start, Math.max(start, end)).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** An RFC 4180 parser for a few records: quotes open a field only at its start, `""` escapes. */
export function parseRecords(text: string, delimiter: string, maxRecords: number): Parsed {
  const records: CsvRecord[] = [];
  let badQuoteLine: number | null = null;
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let wasQuoted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = (): void => {
    fields.push(field);
    const isBlank = fields.length === 1 && field === '' && !wasQuoted;
    if (!isBlank) records.push({ fields, line: recordLine });
    fields = [];
    field = '';
    wasQuoted = false;
  };
  for (let i = 0; i < text.length && records.length < maxRecords; i++) {
    const char = text[i];
    if (inQuotes) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        inQuotes = false;
      } else {
        if (char === '\n') line += 1;
        field += char;
      }
      continue;
    }
    if (char === '"' && field === '' && !wasQuoted) {
      inQuotes = true;
      wasQuoted = true;
    } else if (char === delimiter) {
      fields.push(field);
      field = '';
      wasQuoted = false;
    } else if (char === '\n') {
      endRecord();
      line += 1;
      recordLine = line;
    } else if (char !== '\r' || text[i + 1] !== '\n') {
      if ((char === '"' || wasQuoted) && badQuoteLine === null) badQuoteLine = line;
      field += char;
    }
  }
  if (inQuotes && badQuoteLine === null) badQuoteLine = recordLine;
  if ((field !== '' || fields.length > 0 || wasQuoted) && records.length < maxRecords) endRecord();
  return { records, badQuoteLine };
}

/** The most common field count and the share of records having it. */
function modalWidth(records: CsvRecord[]): { width: number; share: number } {
  const counts = new Map<number, number>();
  for (const { fields } of records) counts.set(fields.length, (counts.get(fields.length) ?? 0) + 1);
  let width = 0;
  let count = 0;
  for (const [w, c] of counts) {
    if (c > count || (c === count && w > width)) {
      width = w;
      count = c;
    }
  }
  return { width, share: records.length > 0 ? count / records.length : 0 };
}

const NUMBER = /^[-+]?(\d[\d,]*(\.\d+)?|\.\d+)([eE][-+]?\d+)?%?$/;
const DATE =
  /^\d{4}[-/.年]\d{1,2}([-/.月]\d{1,2}日?)?([ T]\d{1,2}:\d{2}(:\d{2})?)?$|^\d{1,2}[-/]\d{1,2}[-/]\d{2,4}$/;

function isTyped(value: string): boolean {
  const trimmed = value.trim();
  return NUMBER.test(trimmed) || DATE.test(trimmed);
}

/**
 * A header row holds no numbers or dates. Its names must differ, unless the rows below show it is
 * a header anyway (numbers or dates under its text), in which case repeated names get suffixes.
 * A table whose every row is text is ambiguous; like most readers, the first row is then the header.
 */
function isHeaderRow(fields: string[], rest: CsvRecord[]): boolean {
  const names = fields.map((field) => field.trim()).filter((field) => field !== '');
  if (names.length === 0 || fields.some(isTyped)) return false;
  if (new Set(names.map((name) => name.toLowerCase())).size === names.length) return true;
  return rest.some((record) =>
    record.fields.some((value, index) => isTyped(value) && (fields[index] ?? '') !== ''),
  );
}
