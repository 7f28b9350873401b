/**
 * Profiling a normalized Parquet copy: a cheap block sample, one aggregate pass over the whole file,
 * one grouped pass over its narrow-domain columns, then JavaScript over the sample only. No per-row
 * JavaScript ever runs over the full data.
 *
 * Order matters: the sample is read first because it decides, per column, how the passes treat it.
 * A narrow-domain column (few distinct values in the sample) is grouped by value: exact distinct count
 * and exact top values (`frequency-pass.ts`). A wide-domain column gets a hash-subset distinct estimate
 * and exact counts of the values the sample saw repeated (`stats-pass.ts`).
 */
import type { ColumnProfile, DatasetColumn, DatasetProfile } from '@shuliu/core';
import type { DuckDb } from '../../../platform/duckdb/duckdb.js';
import { runWithProgress } from './duckdb-progress.js';
import { physicalKindOf } from './column-sql.js';
import { countParquetRows, readSample, type ParquetSample } from './sample.js';
import {
  histogram,
  lengthsOf,
  numbersOf,
  patternShares,
  sampleFrequencies,
  type SampleFrequencies,
} from './sample-shape.js';
import { runFrequencyPass, type ColumnFrequencies } from './frequency-pass.js';
import { runStatsPass, subsetModulus, type ColumnPlan, type ColumnStats } from './stats-pass.js';

/** Default rows in the sample. */
export const DEFAULT_SAMPLE_ROWS = 50_000;
/** Top values shown per column. */
const TOP_VALUES = 10;
/** Candidates counted exactly per column: a few more than shown, in case the sample ranks them wrongly. */
const TOP_CANDIDATES = 12;
/** A sampled column with at most this many distinct values, each seen about twice or more, is grouped. */
const NARROW_DOMAIN_LIMIT = 5_000;
/** Shares of the progress bar: sample, full pass, grouped pass. */
const SAMPLE_SHARE = 0.1;
const STATS_SHARE = 0.75;

/**
 * Profiles the Parquet copy: counts, nulls, distinct values, min/max, means, text lengths and top
 * values over all rows; histograms and pattern classes over the sample. Returns the sample (column →
 * values as text) for personal-information detection.
 *
 * @example
 * const { profile, sample } = await profileParquet({ parquetPath, columns, duckdb, onProgress });
 */
export async function profileParquet(o: {
  parquetPath: string;
  columns: DatasetColumn[];
  duckdb: DuckDb;
  sampleRows?: number;
  onProgress?: (share: number) => void;
}): Promise<{ profile: DatasetProfile; sample: Record<string, (string | null)[]> }> {
  const timings: Record<string, number> = {};
  const timed = async <T>(stage: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      timings[stage] = Math.round(performance.now() - started);
    }
  };
  const report = o.onProgress;
  const sampleRows = Math.max(1, o.sampleRows ?? DEFAULT_SAMPLE_ROWS);

  const rows = await timed('rows', () => countParquetRows(o.duckdb, o.parquetPath));
  const sample = await timed('sample', () =>
    runWithProgress(o.duckdb, report && ((share) => report(share * SAMPLE_SHARE)), () =>
      readSample({ duckdb: o.duckdb, parquetPath: o.parquetPath, columns: o.columns, rows, sampleRows }),
    ),
  );
  report?.(SAMPLE_SHARE);

  const seen = o.columns.map((c) => sampleFrequencies(sample.values[c.name] ?? [], TOP_CANDIDATES));
  const rowModulus = subsetModulus(rows);
  const narrow = o.columns.map((_, i) => isNarrowDomain(sample, seen[i]));
  const plans = o.columns.map((column, i): ColumnPlan => ({
    column,
    distinctModulus: narrow[i] ? null : rowModulus,
    candidates: narrow[i] ? [] : (seen[i]?.frequent ?? []),
  }));
  const pass = await timed('stats', () =>
    runWithProgress(o.duckdb, report && ((share) => report(SAMPLE_SHARE + share * STATS_SHARE)), () =>
      runStatsPass({ duckdb: o.duckdb, parquetPath: o.parquetPath, plans, rowModulus }),
    ),
  );
  report?.(SAMPLE_SHARE + STATS_SHARE);
  const narrowColumns = o.columns.filter((_, i) => narrow[i]);
  const grouped = await timed('frequencies', () =>
    runWithProgress(
      o.duckdb,
      report && ((share) => report(SAMPLE_SHARE + STATS_SHARE + share * (1 - SAMPLE_SHARE - STATS_SHARE))),
      () =>
        runFrequencyPass({
          duckdb: o.duckdb,
          parquetPath: o.parquetPath,
          columns: narrowColumns,
          limit: TOP_VALUES,
        }),
    ),
  );
  const groupedByName = new Map(narrowColumns.map((c, i) => [c.name, grouped[i]]));

  const started = performance.now();
  const columns = plans.map((plan, i) =>
    describeColumn({
      plan,
      stats: pass.columns[i],
      grouped: groupedByName.get(plan.column.name),
      seen: seen[i],
      values: sample.values[plan.column.name] ?? [],
      rows: pass.rows,
    }),
  );
  timings.sampleShapes = Math.round(performance.now() - started);
  report?.(1);

  return {
    profile: {
      rowCount: pass.rows,
      columnCount: o.columns.length,
      columns,
      sampleSize: sample.size,
      duplicateRowShare: pass.duplicateRowShare,
      timings,
    },
    sample: sample.values,
  };
}

function isNarrowDomain(sample: ParquetSample, seen: SampleFrequencies | undefined): boolean {
  if (sample.complete || !seen) return true;
  return seen.distinct <= NARROW_DOMAIN_LIMIT && seen.distinct * 2 <= seen.nonNull;
}

function describeColumn(o: {
  plan: ColumnPlan;
  stats: ColumnStats | undefined;
  grouped: ColumnFrequencies | undefined;
  seen: SampleFrequencies | undefined;
  values: readonly (string | null)[];
  rows: number;
}): ColumnProfile {
  const { plan, stats, values } = o;
  const { column } = plan;
  const kind = physicalKindOf(column);
  const nonNull = stats?.nonNull ?? 0;
  const counted = o.grouped
    ? o.grouped.top
    : plan.candidates.map((value, j) => ({ value, count: stats?.candidateCounts[j] ?? 0 }));
  const profile: ColumnProfile = {
    name: column.name,
    type: column.type,
    physicalType: column.physicalType,
    count: o.rows,
    nullCount: o.rows - nonNull,
    // The sample's distinct values are a floor an estimate must not fall under.
    distinctEstimate: o.grouped ? o.grouped.distinct : Math.max(stats?.distinct ?? 0, o.seen?.distinct ?? 0),
    min: stats?.min ?? null,
    max: stats?.max ?? null,
    // A value that occurs once is not "frequent": only repeated values are listed.
    topValues: counted
      .filter((top) => top.count >= 2)
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
      .slice(0, TOP_VALUES),
  };
  if (column.type === 'integer' || column.type === 'decimal') {
    profile.mean = stats?.mean ?? null;
    const numbers = numbersOf(values);
    const min = Number(profile.min);
    const max = Number(profile.max);
    profile.histogram =
      profile.min !== null && profile.max !== null && Number.isFinite(min) && Number.isFinite(max)
        ? histogram(numbers, min, max, column.type === 'integer')
        : [];
  }
  if (kind === 'text') {
    profile.length = stats?.length ?? null;
    profile.emptyCount = stats?.empty ?? 0;
    profile.histogram = profile.length
      ? histogram(lengthsOf(values), profile.length.min, profile.length.max, true)
      : [];
    profile.patterns = patternShares(values);
  }
  return profile;
}
