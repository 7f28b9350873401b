/**
 * Datasets: uploaded files turned into immutable, profiled versions. The shapes here are shared by
 * the server (which computes them), the web app (which draws them) and the CLI. Personal-information
 * detection and masking live in `personal-info.ts` and `masking.ts`.
 */
import { defineStateMachine } from './state-machine.js';

/** File formats a version may be uploaded in; each becomes a normalized Parquet copy. */
export const DATASET_FORMATS = ['csv', 'tsv', 'json', 'ndjson', 'parquet', 'xlsx'] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

/** Text encodings the ingest recognizes (everything is transcoded to UTF-8). */
export const TEXT_ENCODINGS = ['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16be'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/** Life of a dataset version: stored → processing (ingest, profile) → ready, or failed with a report. */
export const VERSION_STATES = ['uploaded', 'processing', 'ready', 'failed'] as const;
export type VersionState = (typeof VERSION_STATES)[number];
export type VersionAction = 'start' | 'succeed' | 'fail' | 'retry';

export const versionMachine = defineStateMachine<VersionState, VersionAction>({
  uploaded: { start: 'processing', fail: 'failed' },
  // `start` again: a job that died half-way (process crash, expiry) is simply run again.
  processing: { start: 'processing', succeed: 'ready', fail: 'failed' },
  ready: {},
  failed: { retry: 'uploaded' },
});

/** Stages of processing a version, in order, with the share of the progress bar each takes. */
export const PROCESSING_STAGES = [
  { stage: 'fetch', weight: 5 },
  { stage: 'ingest', weight: 55 },
  { stage: 'profile', weight: 25 },
  { stage: 'personal_info', weight: 10 },
  { stage: 'quality', weight: 5 },
] as const;
export type ProcessingStage = (typeof PROCESSING_STAGES)[number]['stage'];

/** Logical column types, the same words a data item's declared type uses. */
export const COLUMN_TYPES = [
  'string',
  'integer',
  'decimal',
  'boolean',
  'date',
  'datetime',
  'binary',
] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/**
 * One problem found while reading a file. `row` is 1-based counting data rows the way a person sees
 * the file (the header is line 1 of a CSV); `line` is the physical line where a reader knows it.
 */
export interface IngestProblem {
  /** Stable code, e.g. `ragged_row`, `invalid_encoding`, `line_too_long`, `zip_bomb`. */
  code: string;
  /** What went wrong and what to do, in plain words (zh-CN). */
  message: string;
  line?: number;
  column?: string;
  /** A short, masked excerpt of the offending content. */
  excerpt?: string;
}

/** What ingest learned about the file, kept with the version whether it succeeded or not. */
export interface IngestReport {
  format: DatasetFormat | null;
  encoding: TextEncoding | null;
  delimiter?: string;
  hasHeader?: boolean;
  /** XLSX: the sheet that was read. */
  sheet?: string;
  /** Rows read into the normalized copy. */
  rowsRead: number;
  /** Rows that could not be read (ragged, unparsable); each also appears in `problems` up to a cap. */
  rowsRejected: number;
  /** Fatal problems (the version failed) and warnings (it was read, with these caveats). */
  problems: IngestProblem[];
  /** True when `problems` was cut at its cap. */
  problemsTruncated: boolean;
  fatal: boolean;
}

/** A normalized column: name in the Parquet copy, logical type and the physical type DuckDB reports. */
export interface DatasetColumn {
  name: string;
  type: ColumnType;
  physicalType: string;
}

/** Pattern classes of a string column's values (share of sampled non-null values). */
export const PATTERN_CLASSES = [
  'digits',
  'letters',
  'alphanumeric',
  'chinese',
  'mixed_chinese',
  'date_like',
  'email_like',
  'whitespace_only',
  'other',
] as const;
export type PatternClass = (typeof PATTERN_CLASSES)[number];

/** One bin of a numeric or length histogram. */
export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

export interface ColumnProfile {
  name: string;
  type: ColumnType;
  physicalType: string;
  /** Rows in the version (same for every column). */
  count: number;
  nullCount: number;
  /** HyperLogLog estimate. */
  distinctEstimate: number;
  /** As text, so dates, numbers and strings share one shape. */
  min: string | null;
  max: string | null;
  /** Numbers only. */
  mean?: number | null;
  /** Character lengths of the text form (strings). */
  length?: { min: number; max: number; mean: number } | null;
  /** Most frequent values (approximate for large data), masked when the column holds personal information. */
  topValues: { value: string; count: number }[];
  /** Text: values that are the empty string (completeness counts them as missing). */
  emptyCount?: number;
  /**
   * Sample-based (`DatasetProfile.sampleSize` rows): ≤ 20 equal-width bins between the column's min and
   * max for numbers, of character lengths for text.
   */
  histogram?: HistogramBin[];
  patterns?: { pattern: PatternClass; share: number }[];
}

export interface DatasetProfile {
  rowCount: number;
  columnCount: number;
  columns: ColumnProfile[];
  /** Rows sampled for histograms, patterns and check-digit validation. */
  sampleSize: number;
  /** Estimated share of rows that duplicate another row (0–1). */
  duplicateRowShare: number;
  /** Milliseconds per stage, for the operator. */
  timings: Record<string, number>;
}

/** Kinds of personal (and organization) identifiers the detector looks for. */
export const PERSONAL_INFO_KINDS = [
  'id_card',
  'mobile',
  'bank_card',
  'email',
  'credit_code',
  'licence_plate',
  'address',
  'person_name',
] as const;
export type PersonalInfoKind = (typeof PERSONAL_INFO_KINDS)[number];

/** Unified social credit codes identify organizations, not people: reported, never blocking. */
export const isPersonalKind = (kind: PersonalInfoKind): boolean => kind !== 'credit_code';

export interface PersonalInfoFinding {
  column: string;
  kind: PersonalInfoKind;
  /** Share of non-null values (of the sample, or of all rows when `fullScan`) that match (0–1). */
  matchRate: number;
  /** Of the matching sampled values, the share that also pass the check digit where the kind has one. */
  validRate?: number;
  /** Values examined. */
  examined: number;
  fullScan: boolean;
  /** Up to five examples, always masked. */
  examples: string[];
  /** Did the column's name alone suggest the kind (姓名, 手机, 身份证…)? */
  nameHint: boolean;
}

/** The six quality dimensions commonly used by Chinese exchanges. */
export const QUALITY_DIMENSIONS = [
  'conformity',
  'completeness',
  'accuracy',
  'consistency',
  'timeliness',
  'accessibility',
] as const;
export type QualityDimension = (typeof QUALITY_DIMENSIONS)[number];

/** One measurement behind a score: what was measured, the value, and its effect. */
export interface QualityMeasurement {
  /** Stable key, e.g. `null_share`, `rejected_rows`, `type_conformity`. */
  key: string;
  /** In plain words (zh-CN). */
  label: string;
  value: number | string;
  column?: string;
}

export interface QualityDimensionScore {
  dimension: QualityDimension;
  /** 0–100. */
  score: number;
  /** Why the score is what it is, in one sentence (zh-CN). */
  explanation: string;
  measurements: QualityMeasurement[];
}

export interface QualityReport {
  /** Weighted mean of the dimensions, 0–100. */
  overall: number;
  grade: 'A' | 'B' | 'C' | 'D';
  dimensions: QualityDimensionScore[];
  generatedAt: string;
  /** Rules the scoring used: declared by the provider, or inferred. */
  basis: 'declared' | 'inferred';
}

/** Letter grade of an overall score. */
export function qualityGrade(overall: number): QualityReport['grade'] {
  if (overall >= 90) return 'A';
  if (overall >= 75) return 'B';
  if (overall >= 60) return 'C';
  return 'D';
}

/**
 * Rules a provider may declare for a column; the accuracy dimension measures values against them.
 * Columns not declared are measured against their inferred type.
 */
export interface ColumnRule {
  column: string;
  type?: ColumnType;
  required?: boolean;
  /** Inclusive bounds for numbers and dates (as text for dates). */
  min?: number | string;
  max?: number | string;
  /** A regular expression (RE2 syntax) the text must match in full. */
  pattern?: string;
  /** Allowed values. */
  allowed?: string[];
  unique?: boolean;
}

/** Masking methods (脱敏) a sample may apply per column. */
export const MASKING_METHODS = ['keep', 'partial', 'hash', 'generalize', 'suppress'] as const;
export type MaskingMethod = (typeof MASKING_METHODS)[number];

export interface ColumnMasking {
  column: string;
  method: MaskingMethod;
  /** Partial: characters kept at the start and at the end. */
  keepStart?: number;
  keepEnd?: number;
  /** Generalize: the level, e.g. for dates `year`/`month`, numbers a bucket width, addresses `city`/`district`. */
  level?: string;
}

/** Sample states: drafted from a version, then published (public) or withdrawn. */
export const SAMPLE_STATES = ['draft', 'published', 'withdrawn'] as const;
export type SampleState = (typeof SAMPLE_STATES)[number];

/** Largest sample, in rows. */
export const MAX_SAMPLE_ROWS = 1000;
/** Largest page of a preview, and the row cap of the query API. */
export const MAX_PREVIEW_ROWS = 500;
export const MAX_QUERY_ROWS = 10_000;

/** Filter operators of the preview and query API. */
export const FILTER_OPERATORS = [
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
  'contains',
  'is_null',
  'not_null',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export interface RowFilter {
  column: string;
  op: FilterOperator;
  value?: string | number | boolean;
}
