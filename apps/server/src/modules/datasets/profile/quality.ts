/**
 * The quality report (数据质量评估): six dimensions scored 0–100 from what ingest, the profile, the
 * personal-information scan and the rule check measured, each with a sentence saying why and what to
 * do, and the measurements behind it. Scoring is a pure function of those inputs; checking the rules
 * against the data (one SQL pass) is `checkRules` in `rule-check.ts`.
 */
import {
  qualityGrade,
  type ColumnRule,
  type DatasetProfile,
  type IngestReport,
  type PersonalInfoFinding,
  type QualityDimension,
  type QualityDimensionScore,
  type QualityReport,
} from '@shuliu/core';
import { scoreAccessibility, scoreTimeliness } from './quality-context.js';
import { scoreAccuracy, scoreCompleteness, scoreConformity, scoreConsistency } from './quality-content.js';
import type { RuleViolations } from './rule-check.js';

export { checkRules, type RuleViolations, type RuleCheck, type ColumnRuleViolations } from './rule-check.js';

/** Weight of each dimension in the overall score (they sum to 100). */
export const QUALITY_WEIGHTS: Readonly<Record<QualityDimension, number>> = {
  conformity: 20,
  completeness: 20,
  accuracy: 25,
  consistency: 15,
  timeliness: 10,
  accessibility: 10,
};

/** Everything the scores are computed from. */
export interface QualityInput {
  profile: DatasetProfile;
  ingest: IngestReport;
  findings: readonly PersonalInfoFinding[];
  rules: readonly ColumnRule[];
  ruleViolations: RuleViolations;
  /** A value of UPDATE_FREQUENCIES; anything else is taken as `irregular`. */
  updateFrequency: string;
  /** The format the file was uploaded in (`csv`, `xlsx`…). */
  sourceFormat: string;
  now: Date;
}

/**
 * Scores the six dimensions and their weighted mean. Pure: the same input gives the same report.
 *
 * @example
 * const report = scoreQuality({ profile, ingest, findings, rules, ruleViolations, updateFrequency: 'monthly', sourceFormat: 'csv', now: new Date() });
 */
export function scoreQuality(o: QualityInput): QualityReport {
  const dimensions: QualityDimensionScore[] = [
    scoreConformity(o),
    scoreCompleteness(o),
    scoreAccuracy(o),
    scoreConsistency(o),
    scoreTimeliness(o),
    scoreAccessibility(o),
  ];
  const overall = dimensions.reduce((sum, d) => sum + d.score * QUALITY_WEIGHTS[d.dimension], 0) / 100;
  const rounded = Math.round(overall * 10) / 10;
  return {
    overall: rounded,
    grade: qualityGrade(rounded),
    dimensions,
    generatedAt: o.now.toISOString(),
    basis: o.rules.length > 0 || o.ruleViolations.basis === 'declared' ? 'declared' : 'inferred',
  };
}
