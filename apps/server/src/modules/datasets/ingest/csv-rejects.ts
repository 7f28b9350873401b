/**
 * DuckDB's rejects table after a CSV read, turned into what a person needs: how many rows were not
 * read, one problem per rejected line (with a masked excerpt), and the columns whose sniffed type
 * did not fit every value.
 */
import type { IngestProblem } from '@shuliu/core';
import type { DuckDb } from '../../../platform/duckdb/duckdb.js';
import { maskExcerpt } from './problems.js';

export interface RejectSummary {
  /** Distinct lines rejected. */
  rejected: number;
  /** One problem per rejected line, up to the cap (plus one, so the caller can tell it was cut). */
  problems: IngestProblem[];
  /** Columns with values that failed the sniffed type, with the first such line. */
  castColumns: { column: string; line: number }[];
}

export interface RejectOptions {
  /** Added to DuckDB's line numbers (XLSX: rows above the header). */
  lineOffset: number;
  /** Columns of the table, for the ragged-row message. */
  width: number;
  maxProblems: number;
}

/** Reads a rejects table. */
export async function readRejects(
  duckdb: DuckDb,
  table: string,
  options: RejectOptions,
): Promise<RejectSummary> {
  const [total] = await duckdb.all(`SELECT count(DISTINCT line) AS n FROM ${table}`);
  const rejected = Number(total?.n ?? 0);
  if (rejected === 0) return { rejected, problems: [], castColumns: [] };
  const casts = await duckdb.all(
    `SELECT column_name, min(line) AS line FROM ${table} WHERE error_type = 'CAST' GROUP BY column_name ORDER BY 2`,
  );
  const rows = await duckdb.all(
    `SELECT line,
            bool_or(error_type IN ('TOO MANY COLUMNS', 'MISSING COLUMNS')) AS ragged,
            min(error_type) AS error_type,
            min(column_name) FILTER (WHERE error_type = 'CAST') AS cast_column,
            min(csv_line) AS csv_line
       FROM ${table} GROUP BY line ORDER BY line LIMIT ${options.maxProblems + 1}`,
  );
  const problems = rows.map((row): IngestProblem => {
    const line = Number(row.line) + options.lineOffset;
    const excerpt = maskExcerpt(typeof row.csv_line === 'string' ? row.csv_line : '');
    return { ...rejectProblem(row, line, options.width), line, excerpt };
  });
  const castColumns = casts.map((row) => ({
    column: typeof row.column_name === 'string' ? row.column_name : '',
    line: Number(row.line) + options.lineOffset,
  }));
  return { rejected, problems, castColumns };
}

function rejectProblem(row: Record<string, unknown>, line: number, width: number): IngestProblem {
  if (row.ragged === true) {
    return {
      code: 'ragged_row',
      message: `第 ${line} 行的字段数与表头不一致（应为 ${width} 列），该行未导入；请检查该行的分隔符或引号`,
    };
  }
  const column = typeof row.cast_column === 'string' ? row.cast_column : undefined;
  switch (row.error_type) {
    case 'CAST':
      return {
        code: 'cast_error',
        column,
        message: `第 ${line} 行「${column ?? ''}」列的值与该列其他行的类型不一致，该行未导入；请检查该值`,
      };
    case 'UNQUOTED VALUE':
    case 'INVALID STATE':
      return { code: 'bad_quote', message: `第 ${line} 行的引号不成对，该行未导入；请检查该行的引号` };
    case 'LINE SIZE OVER MAXIMUM':
      return { code: 'line_too_long', message: `第 ${line} 行过长，该行未导入；请检查换行符` };
    case 'INVALID UNICODE':
    case 'INVALID ENCODING':
      return {
        code: 'invalid_encoding',
        message: `第 ${line} 行含有无法识别的字符，该行未导入；请另存为 UTF-8 后重新上传`,
      };
    default:
      return { code: 'unreadable_row', message: `第 ${line} 行无法读取，该行未导入；请检查该行内容` };
  }
}
