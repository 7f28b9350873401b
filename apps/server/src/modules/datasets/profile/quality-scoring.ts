/**
 * Small shared pieces of quality scoring: penalties to a 0–100 score, shares and percentages as
 * shown in explanations, and the format consistency of text columns (used by two dimensions).
 */
import type {
  ColumnProfile,
  DatasetProfile,
  QualityDimension,
  QualityDimensionScore,
  QualityMeasurement,
} from '@shuliu/core';

/** A reason a score is below 100: the points it costs. */
export interface Penalty {
  points: number;
  /** What is wrong, in a clause (zh-CN). */
  issue: string;
  /** What to do about it, in a clause (zh-CN). */
  advice: string;
}

/** A dimension's score from its penalties, and its one-sentence explanation. */
export function scoreFromPenalties(
  dimension: QualityDimension,
  penalties: readonly Penalty[],
  measurements: QualityMeasurement[],
  allGood: string,
): QualityDimensionScore {
  const effective = penalties.filter((p) => p.points > 0);
  const lost = effective.reduce((sum, p) => sum + p.points, 0);
  const score = Math.round(Math.max(0, Math.min(100, 100 - lost)));
  const explanation =
    effective.length === 0
      ? allGood
      : `${effective.map((p) => p.issue).join('；')}。建议${unique(effective.map((p) => p.advice)).join('，')}。`;
  return { dimension, score, explanation, measurements };
}

/** A share (0–1) as a percentage with one decimal: 0.1234 → `12.3%`; a tiny share is not shown as 0. */
export function percent(share: number): string {
  if (share > 0 && share < 0.001) return '不到 0.1%';
  return `${(share * 100).toFixed(1)}%`;
}

/** A share kept to four decimals for a measurement. */
export function roundShare(share: number): number {
  return Math.round(share * 10_000) / 10_000;
}

/** Column names joined for a sentence, at most `limit` of them. */
export function nameList(names: readonly string[], limit = 3): string {
  const shown = names.slice(0, limit).join('、');
  return names.length > limit ? `${shown} 等` : shown;
}

/** Share of the non-blank values of a text column in its most common pattern class. */
export interface ColumnFormat {
  column: string;
  dominant: number;
}

/**
 * The format consistency of each text column that has non-blank values: the share of its most common
 * pattern class, leaving blank values out (they are a completeness matter).
 */
export function textColumnFormats(profile: DatasetProfile): ColumnFormat[] {
  return profile.columns.flatMap((column: ColumnProfile) => {
    const filled = (column.patterns ?? []).filter((p) => p.pattern !== 'whitespace_only');
    const total = filled.reduce((sum, p) => sum + p.share, 0);
    if (total <= 0) return [];
    return [{ column: column.name, dominant: Math.max(...filled.map((p) => p.share)) / total }];
  });
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
