/**
 * The ingest stage: one uploaded file in, one normalized Parquet file and an `IngestReport` out.
 * Bad input never throws — it ends in a fatal report whose problems say what to fix, by line where
 * that is known. Only internal failures (disk, memory, bugs) propagate.
 *
 * @example
 * const { report, parquetPath, columns } = await ingestFile({ inputPath, filename: '销售.csv', workDir, duckdb });
 * if (report.fatal) markFailed(report); else storeVersion(parquetPath, columns, report);
 */
import { rm } from 'node:fs/promises';
import type { DatasetColumn, IngestReport } from '@shuliu/core';
import type { DuckDb } from '../../../platform/duckdb/duckdb.js';
import { describeColumns } from './columns.js';
import { DEFAULT_INGEST_LIMITS, normalizedPath, type IngestContext, type IngestLimits } from './context.js';
import { ingestDelimited } from './csv.js';
import { detectDialect } from './csv-dialect.js';
import { normalizeEncoding } from './encoding.js';
import { ingestJson } from './json.js';
import { ingestParquet } from './parquet.js';
import { IngestFailure, ProblemLog } from './problems.js';
import { ProgressTracker, enableDuckDbProgress, subSpan, type ProgressSpan } from './progress.js';
import { extensionMismatch, sniffFormat, type SourceKind } from './sniff.js';
import { ingestXlsx } from './xlsx.js';

export type { IngestLimits } from './context.js';

export interface IngestOptions {
  /** The uploaded file (read only). */
  inputPath: string;
  /** The name it was uploaded under; its extension is only a hint. */
  filename: string;
  /** An existing scratch directory this ingest may write in; the normalized copy is written here. */
  workDir: string;
  duckdb: DuckDb;
  /** Share done (0–1), called at least every ~0.5 s while a large file is read. */
  onProgress?: (share: number) => void;
  limits?: Partial<IngestLimits>;
}

export interface IngestResult {
  report: IngestReport;
  /** The normalized Parquet copy in `workDir`, or null when the report is fatal. */
  parquetPath: string | null;
  columns: DatasetColumn[];
}

/** Turns one uploaded file into a normalized Parquet copy and a report; see the file comment. */
export async function ingestFile(options: IngestOptions): Promise<IngestResult> {
  const limits: IngestLimits = { ...DEFAULT_INGEST_LIMITS, ...options.limits };
  const log = new ProblemLog(limits.maxProblems);
  const report: IngestReport = {
    format: null,
    encoding: null,
    rowsRead: 0,
    rowsRejected: 0,
    problems: [],
    problemsTruncated: false,
    fatal: false,
  };
  const ctx: IngestContext = {
    duckdb: options.duckdb,
    workDir: options.workDir,
    limits,
    report,
    log,
    outputPath: normalizedPath(options.workDir),
  };
  const progress = new ProgressTracker(options.onProgress);
  progress.start();
  try {
    await enableDuckDbProgress(options.duckdb);
    const kind = await sniffFormat(options.inputPath);
    await readContent(ctx, kind, options, progress.span(0, 0.97));
    const columns = await describeColumns(options.duckdb, ctx.outputPath);
    progress.finish();
    return {
      report: { ...report, problems: log.problems, problemsTruncated: log.truncated },
      parquetPath: ctx.outputPath,
      columns,
    };
  } catch (error) {
    if (!(error instanceof IngestFailure)) throw error;
    // The reason for failing is always listed, even when warnings already filled the log.
    error.problems.forEach((problem, index) => (index === 0 ? log.addFatal(problem) : log.add(problem)));
    if (error.truncated) log.truncated = true;
    await rm(ctx.outputPath, { force: true });
    progress.finish();
    return {
      report: { ...report, problems: log.problems, problemsTruncated: log.truncated, fatal: true },
      parquetPath: null,
      columns: [],
    };
  } finally {
    progress.stop();
  }
}

async function readContent(
  ctx: IngestContext,
  kind: SourceKind,
  options: IngestOptions,
  span: ProgressSpan,
): Promise<void> {
  const { report, limits, log } = ctx;
  const noteFormat = (): void => {
    const mismatch = report.format ? extensionMismatch(options.filename, report.format) : null;
    if (mismatch) log.add(mismatch);
  };
  switch (kind) {
    case 'parquet':
      report.format = 'parquet';
      noteFormat();
      return ingestParquet(ctx, options.inputPath, span);
    case 'xlsx':
      report.format = 'xlsx';
      noteFormat();
      return ingestXlsx(ctx, options.inputPath, span);
    case 'json':
    case 'ndjson': {
      report.format = kind;
      noteFormat();
      const text = await normalizeEncoding({
        inputPath: options.inputPath,
        workDir: ctx.workDir,
        outputName: 'utf8.json',
        // A JSON array may legitimately be a single line.
        maxLineBytes: kind === 'ndjson' ? limits.maxLineBytes : null,
        stripBom: true,
        maxProblems: limits.maxProblems,
        log,
        span: subSpan(span, 0, 0.3),
      });
      report.encoding = text.encoding;
      return ingestJson(ctx, text.path, kind, subSpan(span, 0.3, 1));
    }
    case 'delimited': {
      const text = await normalizeEncoding({
        inputPath: options.inputPath,
        workDir: ctx.workDir,
        outputName: 'utf8.csv',
        maxLineBytes: limits.maxLineBytes,
        stripBom: false,
        maxProblems: limits.maxProblems,
        log,
        span: subSpan(span, 0, 0.3),
      });
      report.encoding = text.encoding;
      const dialect = await detectDialect(text.path);
      report.format = dialect.delimiter === '\t' ? 'tsv' : 'csv';
      report.delimiter = dialect.delimiter;
      report.hasHeader = dialect.hasHeader;
      noteFormat();
      for (const line of dialect.titleLines) {
        log.add({
          code: 'skipped_title_line',
          line,
          message: `第 ${line} 行像是表格上方的标题而不是数据，已跳过`,
        });
      }
      return ingestDelimited(ctx, { path: text.path, dialect, lineOffset: 0 }, subSpan(span, 0.3, 1));
    }
  }
}
