/**
 * The profile's sample: rows read from a normalized Parquet copy for what is computed in JavaScript
 * (pattern classes, histograms, personal-information detection, top-value candidates).
 *
 * Large files are sampled in blocks: the file is cut into ten equal strata and one run of consecutive
 * rows is read at a seeded random place in each, each run its own row-number range so the Parquet
 * reader skips the row groups in between. Each block costs about one row group's decoding, so blocks
 * are few: on 10M rows (7 columns, 81 row groups) one 50k-row block cost 0.1 s of CPU, twenty blocks
 * 0.6–0.9 s, and DuckDB's reservoir and system samples, which decode every row, 1.5–2.7 s. Ten blocks
 * spread over the file are the compromise between a sample that is cheap and one that is spread.
 *
 * Values cross from DuckDB as one delimited string per column (`string_agg`), split in JavaScript:
 * about 40% cheaper than converting each value. All columns come from one aggregate over the same
 * rows, so the lists stay aligned row by row.
 */
import type { DatasetColumn } from '@shuliu/core';
import type { DuckDb } from '../../../platform/duckdb/duckdb.js';
import { quoteLiteral } from '../../../platform/duckdb/duckdb.js';
import { parquetSource, textOf } from './column-sql.js';

/** Blocks a large file's sample is read in: each costs a row-group read, so few but spread out. */
const SAMPLE_BLOCKS = 10;
/** Separates values, and marks a null, in the delimited transfer. */
const VALUE_SEPARATOR = '\x1f';
const NULL_MARK = '\x1e';
/** The virtual column DuckDB adds for the row's position in the file. */
const ROW_NUMBER = 'file_row_number';

/** Rows sampled from a Parquet file, as text, column by column. */
export interface ParquetSample {
  /** Rows read. */
  size: number;
  /** True when the sample is the whole file (every count computed from it is exact). */
  complete: boolean;
  /** Column name → values as text (null stays null), all of length `size`. */
  values: Record<string, (string | null)[]>;
}

/** A half-open range of row numbers `[from, to)`. */
export interface RowBlock {
  from: number;
  to: number;
}

/** Rows in a Parquet file, from its metadata. */
export async function countParquetRows(duckdb: DuckDb, parquetPath: string): Promise<number> {
  const [row] = await duckdb.all(`SELECT count(*) AS n FROM ${parquetSource(parquetPath)}`);
  return Number(row?.n ?? 0);
}

/**
 * Where to read: `rows` cut into `SAMPLE_BLOCKS` strata, one block at a seeded random offset in each,
 * about `sampleRows` rows in all. Same inputs, same blocks.
 */
export function planSampleBlocks(rows: number, sampleRows: number, seed = 42): RowBlock[] {
  if (rows <= sampleRows) return [{ from: 0, to: rows }];
  const blockCount = Math.min(SAMPLE_BLOCKS, sampleRows);
  const stratum = rows / blockCount;
  const blockRows = Math.min(Math.ceil(sampleRows / blockCount), Math.floor(stratum));
  const random = seededRandom(seed);
  const blocks: RowBlock[] = [];
  for (let i = 0; i < blockCount; i++) {
    const start = Math.floor(i * stratum);
    const room = Math.floor((i + 1) * stratum) - start - blockRows;
    const from = start + Math.floor(random() * Math.max(0, room + 1));
    blocks.push({ from, to: from + blockRows });
  }
  return blocks;
}

/**
 * The sampled rows as SQL, column `i` as text named `c{i}`: the whole file when it has at most
 * `sampleRows`, else the blocks of `planSampleBlocks` (or DuckDB's reservoir sample when a column is
 * itself named `file_row_number`). Other statements aggregate over it.
 */
export function sampledRowsSql(o: {
  parquetPath: string;
  columns: readonly DatasetColumn[];
  rows: number;
  sampleRows: number;
}): string {
  const select =
    o.columns.length > 0 ? o.columns.map((c, i) => `${textOf(c)} AS c${i}`).join(', ') : '1 AS c0';
  if (o.rows <= o.sampleRows) return `SELECT ${select} FROM ${parquetSource(o.parquetPath)}`;
  if (o.columns.some((c) => c.name === ROW_NUMBER)) {
    return `SELECT ${select} FROM ${parquetSource(o.parquetPath)} USING SAMPLE reservoir(${o.sampleRows} ROWS) REPEATABLE (42)`;
  }
  const source = parquetSource(o.parquetPath, `${ROW_NUMBER} = true`);
  return planSampleBlocks(o.rows, o.sampleRows)
    .map(
      (b) => `SELECT ${select} FROM ${source} WHERE ${ROW_NUMBER} >= ${b.from} AND ${ROW_NUMBER} < ${b.to}`,
    )
    .join('\nUNION ALL\n');
}

/** Reads the sample of `columns` (see `sampledRowsSql`) as text, column by column. */
export async function readSample(o: {
  duckdb: DuckDb;
  parquetPath: string;
  columns: readonly DatasetColumn[];
  rows: number;
  sampleRows: number;
}): Promise<ParquetSample> {
  const complete = o.rows <= o.sampleRows;
  if (o.columns.length === 0) return { size: 0, complete, values: {} };
  const rowsSql = sampledRowsSql(o);
  const sep = quoteLiteral(VALUE_SEPARATOR);
  const nullMark = quoteLiteral(NULL_MARK);
  // The two control characters become spaces inside values (harmless for a sample), so splitting is exact.
  const aggregates = o.columns.map(
    (_, i) =>
      `string_agg(coalesce(replace(replace(c${i}, ${sep}, ' '), ${nullMark}, ' '), ${nullMark}), ${sep}) AS c${i}`,
  );
  const [row = {}] = await o.duckdb.all(`SELECT count(*) AS n, ${aggregates.join(', ')} FROM (${rowsSql})`);
  const size = Number(row.n ?? 0);
  const values: Record<string, (string | null)[]> = {};
  for (const [i, column] of o.columns.entries()) {
    const joined = row[`c${i}`];
    const parts = size === 0 || typeof joined !== 'string' ? [] : joined.split(VALUE_SEPARATOR);
    if (parts.length !== size)
      throw new Error(`sample of column ${column.name}: ${parts.length} values for ${size} rows`);
    values[column.name] = parts.map((v) => (v === NULL_MARK ? null : v));
  }
  return { size, complete, values };
}

/** mulberry32: a small seeded generator, so the same file always gives the same sample. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
