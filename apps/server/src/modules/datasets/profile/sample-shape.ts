/**
 * What the sample says about a column's shape, computed in JavaScript over at most a sample's rows:
 * pattern classes of text, equal-width histograms of numbers and of text lengths, and the values
 * frequent enough to be worth counting exactly over the whole file.
 */
import type { HistogramBin, PatternClass } from '@shuliu/core';

/** Most bins a histogram has. */
export const MAX_HISTOGRAM_BINS = 20;

const HAN = /\p{Script=Han}/u;
const ONLY_HAN = /^[\p{Script=Han}·・]+$/u;
const DATE_LIKE =
  /^\d{4}([-/.])\d{1,2}(\1\d{1,2})?([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$|^\d{4}年\d{1,2}月(\d{1,2}日)?$/;
const EMAIL_LIKE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A number written in digits, with an optional sign and decimal part. */
const DIGITS = /^[+-]?\d+(\.\d+)?$/;
const LETTERS = /^[A-Za-z]+$/;
const ALPHANUMERIC = /^[A-Za-z0-9]+$/;

/**
 * The pattern class of one text value. `digits` covers numbers written in digits (a sign and a decimal
 * point allowed), so a column of amounts as text reads as one format.
 */
export function classifyPattern(value: string): PatternClass {
  if (value.trim() === '') return 'whitespace_only';
  if (DATE_LIKE.test(value)) return 'date_like';
  if (DIGITS.test(value)) return 'digits';
  if (LETTERS.test(value)) return 'letters';
  if (ALPHANUMERIC.test(value)) return 'alphanumeric';
  if (EMAIL_LIKE.test(value)) return 'email_like';
  if (ONLY_HAN.test(value)) return 'chinese';
  if (HAN.test(value)) return 'mixed_chinese';
  return 'other';
}

/** Shares of each pattern class among the non-null values, largest first (empty when none). */
export function patternShares(
  values: readonly (string | null)[],
): { pattern: PatternClass; share: number }[] {
  const counts = new Map<PatternClass, number>();
  let total = 0;
  for (const value of values) {
    if (value === null) continue;
    const pattern = classifyPattern(value);
    counts.set(pattern, (counts.get(pattern) ?? 0) + 1);
    total++;
  }
  return [...counts]
    .map(([pattern, count]) => ({ pattern, share: count / total }))
    .sort((a, b) => b.share - a.share);
}

/**
 * Equal-width bins between `min` and `max` (both inclusive: the last bin's upper edge is `max`).
 * Integer data over a narrow range gets one bin per integer. Values outside the range are clamped,
 * so the counts always sum to the number of values given.
 */
export function histogram(
  values: readonly number[],
  min: number,
  max: number,
  integers: boolean,
): HistogramBin[] {
  if (values.length === 0 || !Number.isFinite(min) || !Number.isFinite(max) || max < min) return [];
  if (max === min) return [{ from: min, to: max, count: values.length }];
  const span = integers ? max - min + 1 : max - min;
  const binCount = integers ? Math.min(MAX_HISTOGRAM_BINS, span) : MAX_HISTOGRAM_BINS;
  const width = span / binCount;
  const bins: HistogramBin[] = Array.from({ length: binCount }, (_, i) => ({
    from: min + i * width,
    to: i === binCount - 1 ? (integers ? max + 1 : max) : min + (i + 1) * width,
    count: 0,
  }));
  for (const value of values) {
    const index = Math.min(binCount - 1, Math.max(0, Math.floor((value - min) / width)));
    const bin = bins[index];
    if (bin) bin.count++;
  }
  return bins;
}

/** Numbers of the non-null values that parse as finite numbers. */
export function numbersOf(values: readonly (string | null)[]): number[] {
  const numbers: number[] = [];
  for (const value of values) {
    if (value === null) continue;
    const n = Number(value);
    if (Number.isFinite(n)) numbers.push(n);
  }
  return numbers;
}

/** Character lengths (Unicode code points, as DuckDB's `length`) of the non-null values. */
export function lengthsOf(values: readonly (string | null)[]): number[] {
  const lengths: number[] = [];
  for (const value of values) {
    if (value !== null) lengths.push(codePointLength(value));
  }
  return lengths;
}

function codePointLength(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    // A high surrogate and its low partner are one code point.
    if (code < 0xd800 || code > 0xdbff) n++;
  }
  return n;
}

/** What the sample knows about a column's values. */
export interface SampleFrequencies {
  /** Distinct non-null values in the sample. */
  distinct: number;
  nonNull: number;
  /** Up to `limit` values seen at least twice, most frequent first. */
  frequent: string[];
}

/**
 * The sample's most frequent values. A value seen once tells nothing about frequency, so only values
 * seen at least twice are candidates; with the whole file as the sample that is exact.
 */
export function sampleFrequencies(values: readonly (string | null)[], limit: number): SampleFrequencies {
  const counts = new Map<string, number>();
  let nonNull = 0;
  for (const value of values) {
    if (value === null) continue;
    nonNull++;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const frequent = [...counts]
    .filter(([, count]) => count >= 2)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, limit)
    .map(([value]) => value);
  return { distinct: counts.size, nonNull, frequent };
}
