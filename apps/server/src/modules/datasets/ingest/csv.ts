/**
 * Delimited text tables (CSV, TSV, and the CSV an XLSX sheet is turned into): DuckDB reads the UTF-8
 * file with the dialect we judged, rows it cannot read go to a rejects table, and each becomes a
 * problem naming its line with a masked excerpt.
 */
import { randomBytes } from 'node:crypto';
import { quoteLiteral } from '../../../platform/duckdb/duckdb.js';
import { describeSource, normalizeColumnNames, planColumns, type SourceColumn } from './columns.js';
import type { IngestContext } from './context.js';
import type { CsvDialect } from './csv-dialect.js';
import { formatBytes } from './encoding.js';
import { countNormalizedRows, isInputError, numberAfter, writeNormalized } from './normalize.js';
import { readRejects, type RejectSummary } from './csv-rejects.js';
import { IngestFailure, fail } from './problems.js';
import type { ProgressSpan } from './progress.js';

export interface DelimitedSource {
  /** A UTF-8 file. */
  path: string;
  dialect: CsvDialect;
  /** Added to DuckDB's line numbers so problems name the line a person sees (XLSX: the sheet row). */
  lineOffset: number;
}

const SAMPLE_SIZE = 20_480;
/** More rejected rows than this share of all rows fails the version. */
const MAX_REJECTED_SHARE = 0.5;

/** Reads a delimited file into the normalized copy and records rows read and rejected. */
export async function ingestDelimited(
  ctx: IngestContext,
  source: DelimitedSource,
  span: ProgressSpan,
): Promise<void> {
  let copy = await copyTable(ctx, source, [], span);
  if (copy.castColumns.length > 0) {
    // A column sniffed as numbers or dates that holds other values further down is read again as
    // text, instead of losing those rows (ID numbers ending in X are the classic case).
    for (const { column, line } of copy.castColumns) {
      ctx.log.add({
        code: 'column_as_text',
        column,
        line,
        message: `「${column}」列第 ${line} 行的值与该列前面的值类型不同（如数字、日期），整列已按文本读取`,
      });
    }
    copy = await copyTable(
      ctx,
      source,
      copy.castColumns.map((cast) => cast.column),
      span,
    );
  }
  for (const problem of copy.problems) ctx.log.add(problem);
  ctx.report.rowsRead = copy.rowsRead;
  ctx.report.rowsRejected = copy.rejected;

  const { rowsRead, rowsRejected } = ctx.report;
  if (rowsRejected > MAX_REJECTED_SHARE * (rowsRead + rowsRejected)) {
    fail(
      'too_many_rejected',
      `共 ${rowsRead + rowsRejected} 行数据中有 ${rowsRejected} 行无法读取，超过一半，请检查分隔符、引号和各行的列数后重新上传`,
    );
  }
  if (rowsRead === 0 && rowsRejected === 0) {
    ctx.log.add({ code: 'no_rows', message: '文件只有表头，没有数据行；版本已创建，但没有可分析的数据' });
  }
}

type TableCopy = RejectSummary & { rowsRead: number };

const DUCKDB_DEFAULT_MAX_LINE = 2 * 1024 * 1024;

/** One DuckDB read of the table into the normalized copy, with `textColumns` forced to text. */
async function copyTable(
  ctx: IngestContext,
  source: DelimitedSource,
  textColumns: string[],
  span: ProgressSpan,
): Promise<TableCopy> {
  const suffix = randomBytes(6).toString('hex');
  const rejectsTable = `ingest_rejects_${suffix}`;
  const rejectsScan = `ingest_scans_${suffix}`;
  const { dialect } = source;
  // A line may grow by half when GB18030 becomes UTF-8; our own scan already enforced the limit.
  // Never below DuckDB's 2 MiB default, and no higher than needed: larger buffers slow the reader.
  const maxLineSize = Math.max(DUCKDB_DEFAULT_MAX_LINE, Math.ceil(ctx.limits.maxLineBytes * 1.5) + 1024);
  const options = [
    `delim=${quoteLiteral(dialect.delimiter)}`,
    `header=${dialect.hasHeader}`,
    `quote='"'`,
    `escape='"'`,
    `skip=${dialect.skipLines}`,
    `comment=''`,
    'null_padding=false',
    'store_rejects=true',
    `rejects_table=${quoteLiteral(rejectsTable)}`,
    `rejects_scan=${quoteLiteral(rejectsScan)}`,
    `max_line_size=${maxLineSize}`,
    `sample_size=${SAMPLE_SIZE}`,
  ];
  if (textColumns.length > 0) {
    options.push(`types={${textColumns.map((column) => `${quoteLiteral(column)}: 'VARCHAR'`).join(', ')}}`);
  }
  const relation = `read_csv(${quoteLiteral(source.path)}, ${options.join(', ')})`;
  try {
    let columns: SourceColumn[];
    try {
      columns = await describeSource(ctx.duckdb, relation);
    } catch (error) {
      throw csvFailure(error, source, ctx.limits.maxLineBytes);
    }
    const plan = planColumns(columns, columnNames(dialect, columns), 'to_json');
    try {
      await writeNormalized(ctx, relation, plan.selectList, span);
    } catch (error) {
      throw csvFailure(error, source, ctx.limits.maxLineBytes);
    }
    const rowsRead = await countNormalizedRows(ctx);
    const rejects = await readRejects(ctx.duckdb, rejectsTable, {
      lineOffset: source.lineOffset,
      width: columns.length,
      maxProblems: ctx.limits.maxProblems,
    });
    return { ...rejects, rowsRead };
  } finally {
    await ctx.duckdb.run(`DROP TABLE IF EXISTS ${rejectsTable}`);
    await ctx.duckdb.run(`DROP TABLE IF EXISTS ${rejectsScan}`);
  }
}

/** The file's own header text where it lines up with DuckDB's columns, else DuckDB's names. */
function columnNames(dialect: CsvDialect, columns: SourceColumn[]): string[] {
  if (!dialect.hasHeader) return normalizeColumnNames(columns.map(() => ''));
  if (dialect.header.length === columns.length) return normalizeColumnNames(dialect.header);
  return normalizeColumnNames(columns.map((column) => column.name));
}

/** The failure for a DuckDB error while reading the table; machine errors are rethrown. */
function csvFailure(error: unknown, source: DelimitedSource, maxLineBytes: number): IngestFailure {
  if (!isInputError(error)) throw error;
  const reported = numberAfter(error.message, /CSV Error on Line: (\d+)/);
  if (/Maximum line size of \d+ bytes exceeded/.test(error.message)) {
    const line = reported === undefined ? undefined : reported + source.lineOffset;
    return new IngestFailure([
      {
        code: 'line_too_long',
        line,
        message: `${line === undefined ? '有一行' : `第 ${line} 行`}长度超过 ${formatBytes(maxLineBytes)}，可能不是逐行记录的表格，请检查换行符和引号`,
      },
    ]);
  }
  const known = reported ?? source.dialect.badQuoteLine ?? undefined;
  const line = known === undefined ? undefined : known + source.lineOffset;
  const where = line === undefined ? '文件' : `第 ${line} 行`;
  return new IngestFailure([
    {
      code: 'invalid_csv',
      line,
      message: `${where}无法按表格格式读取（常见原因：引号不成对或分隔符不一致），请检查后重新上传`,
    },
  ]);
}
