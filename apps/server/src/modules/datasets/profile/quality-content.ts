/**
 * The four quality dimensions about the data's content: conformity (规范性), completeness (完整性),
 * accuracy (准确性) and consistency (一致性). Each starts at 100 and loses points per problem found;
 * the points are chosen so that a problem a user would notice costs a visible share of the score.
 */
import type { QualityDimensionScore, QualityMeasurement } from '@shuliu/core';
import type { QualityInput } from './quality.js';
import {
  nameList,
  percent,
  roundShare,
  scoreFromPenalties,
  textColumnFormats,
  type Penalty,
} from './quality-scoring.js';
import type { RuleCheck } from './rule-check.js';

/** A text column whose most common format holds less than this share mixes formats. */
export const MIXED_FORMAT_SHARE = 0.9;
/** Names a reader gives columns of a file without a header. */
const GENERIC_NAME = /^(column|col|field|unnamed)[ _:-]?\d+$/i;
/** Most per-column measurements listed under a dimension. */
const MAX_COLUMN_MEASUREMENTS = 10;

/**
 * Conformity: rows that could not be read, text columns mixing formats, a missing header, generic
 * column names.
 */
export function scoreConformity(o: QualityInput): QualityDimensionScore {
  const { ingest, profile } = o;
  const total = ingest.rowsRead + ingest.rowsRejected;
  const rejectedShare = total > 0 ? ingest.rowsRejected / total : 0;
  const mixed = textColumnFormats(profile).filter((f) => f.dominant < MIXED_FORMAT_SHARE);
  const isHeaderMissing = ingest.hasHeader === false;
  const generic = profile.columns.filter((c) => GENERIC_NAME.test(c.name)).map((c) => c.name);
  const genericShare = profile.columns.length > 0 ? generic.length / profile.columns.length : 0;

  const measurements: QualityMeasurement[] = [
    { key: 'rejected_row_share', label: '未能读入的行占比', value: roundShare(rejectedShare) },
    { key: 'rejected_rows', label: '未能读入的行数', value: ingest.rowsRejected },
    { key: 'mixed_format_columns', label: '格式不统一的文本列数', value: mixed.length },
    ...mixed.slice(0, MAX_COLUMN_MEASUREMENTS).map((f): QualityMeasurement => ({
      key: 'dominant_pattern_share',
      label: '主要格式所占比例',
      value: roundShare(f.dominant),
      column: f.column,
    })),
    { key: 'header_present', label: '有表头', value: isHeaderMissing ? '否' : '是' },
    { key: 'generic_column_names', label: '通用列名（如 column_1）的列数', value: generic.length },
  ];
  const penalties: Penalty[] = [
    {
      points: Math.min(40, rejectedShare * 400),
      issue: `${percent(rejectedShare)} 的行（${ingest.rowsRejected} 行）因格式错误未能读入`,
      advice: '修正原文件中列数不符或无法解析的行后重新上传',
    },
    {
      points: Math.min(30, mixed.length * 8),
      issue: `${mixed.length} 列书写格式不统一（${nameList(mixed.map((f) => f.column))}）`,
      advice: '统一这些列的书写格式（如日期统一写作 2024-01-31）',
    },
    {
      points: isHeaderMissing ? 10 : 0,
      issue: '文件没有表头',
      advice: '在首行加上列名',
    },
    {
      points: Math.min(10, genericShare * 10),
      issue: `${generic.length} 列使用了无含义的通用列名（${nameList(generic)}）`,
      advice: '为各列起有含义的名称',
    },
  ];
  return scoreFromPenalties(
    'conformity',
    penalties,
    measurements,
    '所有行均已读入，各文本列格式统一，表头与列名完整。',
  );
}

/** Completeness: missing cells (null or the empty string) overall and per column, columns with no value. */
export function scoreCompleteness(o: QualityInput): QualityDimensionScore {
  const { profile } = o;
  const rows = profile.rowCount;
  if (rows === 0 || profile.columns.length === 0) {
    return {
      dimension: 'completeness',
      score: 0,
      explanation: '数据集没有任何数据行，无法评估完整性；请上传包含数据的文件。',
      measurements: [{ key: 'rows', label: '数据行数', value: rows }],
    };
  }
  const perColumn = profile.columns.map((c) => ({
    column: c.name,
    missing: Math.min(rows, c.nullCount + (c.emptyCount ?? 0)),
  }));
  const missingCells = perColumn.reduce((sum, c) => sum + c.missing, 0);
  const missingShare = missingCells / (rows * profile.columns.length);
  const empty = perColumn.filter((c) => c.missing >= rows).map((c) => c.column);
  const worst = perColumn.filter((c) => c.missing > 0).sort((a, b) => b.missing - a.missing);

  const measurements: QualityMeasurement[] = [
    { key: 'missing_cell_share', label: '缺失（空值或空字符串）单元格占比', value: roundShare(missingShare) },
    { key: 'empty_columns', label: '完全为空的列数', value: empty.length },
    ...worst.slice(0, MAX_COLUMN_MEASUREMENTS).map((c): QualityMeasurement => ({
      key: 'column_missing_share',
      label: '该列缺失值占比',
      value: roundShare(c.missing / rows),
      column: c.column,
    })),
  ];
  const worstColumn = worst[0];
  const penalties: Penalty[] = [
    {
      points: missingShare * 100,
      issue: `${percent(missingShare)} 的单元格缺失${worstColumn ? `，缺失最多的是「${worstColumn.column}」列（${percent(worstColumn.missing / rows)}）` : ''}`,
      advice: '补全缺失值，或说明缺失的原因',
    },
    {
      points: Math.min(20, empty.length * 5),
      issue: `${empty.length} 列完全为空（${nameList(empty)}）`,
      advice: '删除空列或补上数据',
    },
  ];
  return scoreFromPenalties('completeness', penalties, measurements, '所有单元格均有值，没有缺失。');
}

const CHECK_LABELS: Record<RuleCheck['check'], string> = {
  type: '类型不符',
  required: '必填项为空',
  min: '小于下限',
  max: '大于上限',
  pattern: '不符合格式规则',
  allowed: '不在允许值内',
  unique: '重复',
};

/**
 * Accuracy: values breaking the declared rules (or, for undeclared columns, their inferred type),
 * identifiers failing their check digit, declared columns the file lacks.
 */
export function scoreAccuracy(o: QualityInput): QualityDimensionScore {
  const columns = o.ruleViolations.columns;
  const checks = columns.flatMap((c) =>
    c.checks
      .filter((check) => check.check !== 'unique' && check.error === undefined && check.checked > 0)
      .map((check) => ({ column: c.column, ...check })),
  );
  const checked = checks.reduce((sum, c) => sum + c.checked, 0);
  const violated = checks.reduce((sum, c) => sum + Math.min(c.violations, c.checked), 0);
  const violationShare = checked > 0 ? violated / checked : 0;
  const broken = checks
    .filter((c) => c.violations > 0)
    .sort((a, b) => b.violations / b.checked - a.violations / a.checked);
  const digitChecked = o.findings.filter((f) => f.validRate !== undefined && f.matchRate > 0);
  const invalidShare =
    digitChecked.length > 0
      ? digitChecked.reduce((sum, f) => sum + (1 - (f.validRate ?? 1)), 0) / digitChecked.length
      : 0;
  const missing = columns.filter((c) => c.missing === true).map((c) => c.column);
  const invalidPatterns = columns.flatMap((c) =>
    c.checks.filter((check) => check.error !== undefined).map(() => c.column),
  );
  const isDeclared = o.rules.length > 0;

  const measurements: QualityMeasurement[] = [
    {
      key: 'rule_violation_share',
      label: isDeclared ? '违反声明规则的值占比' : '不符合推断类型的值占比',
      value: roundShare(violationShare),
    },
    { key: 'values_checked', label: '检查的值数', value: checked },
    ...broken.slice(0, MAX_COLUMN_MEASUREMENTS).map((c): QualityMeasurement => ({
      key: `rule_${c.check}`,
      label: `${CHECK_LABELS[c.check]}（${c.basis === 'declared' ? '声明' : '推断'}：${c.expected}）的值数`,
      value: c.violations,
      column: c.column,
    })),
    {
      key: 'check_digit_failure_share',
      label: '校验位不正确的证件号、卡号占比',
      value: roundShare(invalidShare),
    },
    ...(missing.length > 0
      ? [{ key: 'missing_declared_columns', label: '规则中声明但文件中没有的列', value: missing.join('、') }]
      : []),
    ...(invalidPatterns.length > 0
      ? [
          {
            key: 'invalid_rule_patterns',
            label: '正则表达式无效、未能检查的列',
            value: invalidPatterns.join('、'),
          },
        ]
      : []),
  ];
  const worst = broken[0];
  const penalties: Penalty[] = [
    {
      points: Math.min(60, violationShare * 300),
      issue: `${percent(violationShare)} 的值${isDeclared ? '违反声明的规则' : '与该列推断出的类型不符'}${worst ? `，最多的是「${worst.column}」列${CHECK_LABELS[worst.check]}（${worst.violations} 个）` : ''}`,
      advice: isDeclared
        ? '按声明的规则更正这些值，或修改不合理的规则'
        : '更正这些值，或在数据集中声明列规则',
    },
    {
      points: Math.min(20, invalidShare * 100),
      issue: `${percent(invalidShare)} 的证件号或卡号校验位不正确`,
      advice: '核对这些号码的来源与录入',
    },
    {
      points: Math.min(30, missing.length * 10),
      issue: `规则中声明的 ${missing.length} 列在文件中不存在（${nameList(missing)}）`,
      advice: '检查列名是否与规则一致',
    },
  ];
  const basis = isDeclared ? '按提供方声明的规则检查' : '未声明列规则，按各列推断的类型检查';
  const noteOnPatterns =
    invalidPatterns.length > 0 ? `；${nameList(invalidPatterns)} 的正则表达式无效，未能检查，请修改` : '';
  return scoreFromPenalties(
    'accuracy',
    penalties,
    measurements,
    `${basis}，未发现不符合的值${digitChecked.length > 0 ? '，证件号、卡号校验位均正确' : ''}${noteOnPatterns}。`,
  );
}

/** Consistency: duplicate rows, formats within a column, values repeating in columns declared unique. */
export function scoreConsistency(o: QualityInput): QualityDimensionScore {
  const duplicateShare = Math.max(0, o.profile.duplicateRowShare);
  const formats = textColumnFormats(o.profile);
  const inconsistency =
    formats.length > 0 ? formats.reduce((sum, f) => sum + (1 - f.dominant), 0) / formats.length : 0;
  const uniqueBroken = o.ruleViolations.columns.flatMap((c) =>
    c.checks
      .filter((check) => check.check === 'unique' && check.violations > 0)
      .map((check) => ({ column: c.column, violations: check.violations })),
  );

  const measurements: QualityMeasurement[] = [
    { key: 'duplicate_row_share', label: '重复行占比（估计）', value: roundShare(duplicateShare) },
    { key: 'format_inconsistency', label: '文本列中非主要格式的平均占比', value: roundShare(inconsistency) },
    ...uniqueBroken.slice(0, MAX_COLUMN_MEASUREMENTS).map((c): QualityMeasurement => ({
      key: 'unique_violations',
      label: '声明唯一但重复的值数',
      value: c.violations,
      column: c.column,
    })),
  ];
  const penalties: Penalty[] = [
    {
      points: Math.min(40, duplicateShare * 200),
      issue: `约 ${percent(duplicateShare)} 的行与其他行完全重复`,
      advice: '去除重复行',
    },
    {
      points: Math.min(30, inconsistency * 100),
      issue: `文本列中平均 ${percent(inconsistency)} 的值与该列的主要格式不同`,
      advice: '统一同一列中值的书写格式',
    },
    {
      points: Math.min(30, uniqueBroken.length * 10),
      issue: `${uniqueBroken.length} 个声明唯一的列出现重复值（${nameList(uniqueBroken.map((c) => c.column))}）`,
      advice: '检查这些列的重复记录',
    },
  ];
  return scoreFromPenalties(
    'consistency',
    penalties,
    measurements,
    '没有重复行，各列格式一致，声明唯一的列没有重复值。',
  );
}
