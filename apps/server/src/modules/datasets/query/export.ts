/**
 * Streams a built rows query as CSV or NDJSON bytes, one DuckDB chunk (about 2,048 rows) at a time,
 * so memory stays bounded whatever the size of the result. The caller owns the DuckDB connection and
 * closes it after the stream ends or its consumer goes away.
 */
import type { DatasetColumn } from '@shuliu/core';
import type { DuckDb } from '../../../platform/duckdb/duckdb.js';
import type { BuiltQuery } from './build-query.js';
import { createCellConverter, type Cell } from './cell-value.js';

export const EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The Content-Type header of each export format. */
export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

export interface ExportOptions {
  duckdb: DuckDb;
  /** From `buildRowsQuery`, usually without `limit`. */
  built: BuiltQuery;
  format: ExportFormat;
}

/**
 * The rows of `o.built` as bytes: CSV (RFC 4180: header line first, CRLF line ends, fields quoted
 * when they hold `"`, `,`, CR or LF, and empty text as `""` so it stays apart from null) or NDJSON
 * (one JSON object per line, keyed by column name). Cells are those of `createCellConverter`, with
 * binary values in full as `base64:…`.
 *
 * Nothing is fetched before the first `next()`; when the consumer stops early (`return()`, as when
 * an HTTP client disconnects), no further chunk is fetched.
 *
 * @example
 * const stream = ReadableStream.from(exportRows({ duckdb, built, format: 'csv' }));
 */
export async function* exportRows(o: ExportOptions): AsyncGenerator<Uint8Array, void, undefined> {
  const encoder = new TextEncoder();
  const toCell = createCellConverter({ maxBinaryBytes: Infinity });
  const formatRows = o.format === 'csv' ? csvLines : ndjsonLines;
  const result = await o.duckdb.connection.stream(o.built.sql, o.built.params);
  if (o.format === 'csv') {
    // The byte order mark tells Excel the file is UTF-8: without it, Excel on Chinese Windows reads
    // a CSV in the ANSI code page (GBK) and every Chinese character turns into mojibake.
    yield encoder.encode(`\uFEFF${csvRecord(o.built.columns.map((column) => column.name))}`);
  }
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) return;
    yield encoder.encode(formatRows(chunk.convertRows(toCell), o.built.columns));
  }
}

function csvLines(rows: Cell[][]): string {
  return rows.map(csvRecord).join('');
}

function csvRecord(cells: Cell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

function csvField(cell: Cell): string {
  if (cell === null) return '';
  const text = String(cell);
  return text === '' || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function ndjsonLines(rows: Cell[][], columns: DatasetColumn[]): string {
  return rows
    .map(
      (row) =>
        `${JSON.stringify(Object.fromEntries(columns.map((column, i) => [column.name, row[i] ?? null])))}\n`,
    )
    .join('');
}
