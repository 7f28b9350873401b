/**
 * What every ingest step shares: the DuckDB connection, the scratch directory, the limits, the
 * report being filled in and the problem log.
 */
import { join } from 'node:path';
import type { IngestReport } from '@shuliu/core';
import type { DuckDb } from '../../../platform/duckdb/duckdb.js';
import type { ProblemLog } from './problems.js';

/** Limits that keep a hostile or broken file from costing unbounded memory, disk or time. */
export interface IngestLimits {
  /**
   * Longest physical line of a table or NDJSON file (default 1 MiB). Kept so that DuckDB's own line
   * limit can stay at its 2 MiB default even after GB18030 grows into UTF-8: a larger `max_line_size`
   * halves DuckDB's CSV speed (measured: 260 MB CSV → Parquet 1.9 s at 2 MiB, 4.1 s at 8 MiB).
   */
  maxLineBytes: number;
  /** Problems listed in the report before it is cut (default 200). */
  maxProblems: number;
  /** Total declared and actually inflated size of an XLSX (default 2 GiB). */
  xlsxMaxUncompressedBytes: number;
  /** Largest uncompressed/compressed ratio of an XLSX entry over 1 MiB (default 200). */
  xlsxMaxRatio: number;
  /** Largest single XLSX entry, uncompressed (default 1 GiB). */
  xlsxMaxEntryUncompressed: number;
}

export const DEFAULT_INGEST_LIMITS: IngestLimits = {
  maxLineBytes: 1024 * 1024,
  maxProblems: 200,
  xlsxMaxUncompressedBytes: 2 * 1024 * 1024 * 1024,
  xlsxMaxRatio: 200,
  xlsxMaxEntryUncompressed: 1024 * 1024 * 1024,
};

/** Entries an XLSX may hold. */
export const XLSX_MAX_ENTRIES = 10_000;

export interface IngestContext {
  duckdb: DuckDb;
  workDir: string;
  limits: IngestLimits;
  report: IngestReport;
  log: ProblemLog;
  /** Where the normalized Parquet copy is written. */
  outputPath: string;
}

/** The normalized copy's path in a work directory. */
export function normalizedPath(workDir: string): string {
  return join(workDir, 'normalized.parquet');
}
