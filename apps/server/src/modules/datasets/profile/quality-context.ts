/**
 * The two quality dimensions about the data's context rather than its values: timeliness (时效性),
 * the newest date in the data against the promised update frequency, and accessibility (可访问性),
 * how open and readable the delivered file is.
 */
import type { QualityDimensionScore, QualityMeasurement, UpdateFrequency } from '@shuliu/core';
import type { QualityInput } from './quality.js';
import { scoreFromPenalties, type Penalty } from './quality-scoring.js';

/** Days between updates each frequency promises; null: no promise to measure against. */
export const EXPECTED_INTERVAL_DAYS: Readonly<Record<UpdateFrequency, number | null>> = {
  realtime: 1,
  daily: 1,
  weekly: 7,
  monthly: 31,
  quarterly: 92,
  yearly: 366,
  irregular: null,
  once: null,
};

const FREQUENCY_LABELS: Readonly<Record<UpdateFrequency, string>> = {
  realtime: '实时',
  daily: '每日',
  weekly: '每周',
  monthly: '每月',
  quarterly: '每季度',
  yearly: '每年',
  irregular: '不定期',
  once: '一次性',
};

/** The score when the data has no date to judge its age by: neither good nor bad, undeterminable. */
export const UNDETERMINED_TIMELINESS = 80;
/** Points lost each time the age doubles beyond the promised interval. */
const POINTS_PER_DOUBLING = 25;
const DAY_MS = 86_400_000;

/**
 * Timeliness: the newest value among the date and datetime columns (their maximum; dates more than a
 * day in the future, such as due dates, are passed over when an earlier column has a present date),
 * its age against the update frequency. Within the interval 100; each doubling beyond it −25.
 */
export function scoreTimeliness(o: QualityInput): QualityDimensionScore {
  const frequency = toFrequency(o.updateFrequency);
  const interval = EXPECTED_INTERVAL_DAYS[frequency];
  const newest = newestDate(o);
  const measurements: QualityMeasurement[] = [
    { key: 'update_frequency', label: '承诺的更新频率', value: FREQUENCY_LABELS[frequency] },
  ];
  if (newest === null) {
    return {
      dimension: 'timeliness',
      score: UNDETERMINED_TIMELINESS,
      explanation: `数据中没有日期或时间列，无法判断数据新旧，按“无法确定”计 ${UNDETERMINED_TIMELINESS} 分；建议增加记录数据日期的列。`,
      measurements,
    };
  }
  const ageDays = Math.max(0, (o.now.getTime() - newest.date.getTime()) / DAY_MS);
  measurements.push(
    { key: 'newest_date', label: '数据中最新的日期', value: newest.text, column: newest.column },
    { key: 'age_days', label: '距今天数', value: Math.round(ageDays * 10) / 10 },
  );
  if (interval === null) {
    return {
      dimension: 'timeliness',
      score: 100,
      explanation: `更新频率为“${FREQUENCY_LABELS[frequency]}”，不按数据新旧扣分；数据中最新的日期是 ${newest.text}（「${newest.column}」列，距今 ${Math.round(ageDays)} 天）。`,
      measurements,
    };
  }
  measurements.push({ key: 'expected_interval_days', label: '预期更新间隔（天）', value: interval });
  const points = ageDays <= interval ? 0 : POINTS_PER_DOUBLING * Math.log2(ageDays / interval);
  const penalties: Penalty[] = [
    {
      points,
      issue: `数据中最新的日期是 ${newest.text}（「${newest.column}」列），距今 ${Math.round(ageDays)} 天，超过“${FREQUENCY_LABELS[frequency]}”更新应有的 ${interval} 天`,
      advice: '上传最新的数据，或把更新频率改为实际的频率',
    },
  ];
  return scoreFromPenalties(
    'timeliness',
    penalties,
    measurements,
    `数据中最新的日期是 ${newest.text}（「${newest.column}」列），距今 ${Math.round(ageDays)} 天，在“${FREQUENCY_LABELS[frequency]}”更新的 ${interval} 天之内。`,
  );
}

function toFrequency(value: string): UpdateFrequency {
  return value in EXPECTED_INTERVAL_DAYS ? (value as UpdateFrequency) : 'irregular';
}

function newestDate(o: QualityInput): { column: string; text: string; date: Date } | null {
  const soon = o.now.getTime() + DAY_MS;
  const dated = o.profile.columns.flatMap((c) => {
    if ((c.type !== 'date' && c.type !== 'datetime') || c.max === null) return [];
    const date = parseDuckDbTime(c.max);
    return date ? [{ column: c.name, text: c.max, date }] : [];
  });
  const present = dated.filter((d) => d.date.getTime() <= soon);
  const candidates = present.length > 0 ? present : dated;
  return candidates.reduce<(typeof dated)[number] | null>(
    (newest, d) => (newest === null || d.date > newest.date ? d : newest),
    null,
  );
}

/**
 * A DuckDB date or timestamp as text (`2024-01-31`, `2024-01-31 08:00:00`, `… +08` or `+00`), read
 * as UTC when it carries no offset.
 */
export function parseDuckDbTime(text: string): Date | null {
  const match =
    /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(
      text.trim(),
    );
  if (!match) return null;
  const [, day, time, zone] = match;
  let offset = 'Z';
  if (zone && zone !== 'Z')
    offset =
      zone.length === 3 ? `${zone}:00` : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const date = new Date(`${day}T${time ?? '00:00:00'}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Points lost by the source format: open and machine-readable formats lose none. */
const FORMAT_PENALTY: Readonly<Record<string, number>> = {
  csv: 0,
  tsv: 0,
  json: 0,
  ndjson: 0,
  parquet: 0,
  xlsx: 10,
};

/**
 * Accessibility: an open, machine-readable source format, its encoding, a header, warnings while
 * reading; the normalized Parquet copy (which a profile implies) makes the data previewable and
 * queryable.
 */
export function scoreAccessibility(o: QualityInput): QualityDimensionScore {
  const { ingest } = o;
  const format = o.sourceFormat.toLowerCase();
  const formatPoints = FORMAT_PENALTY[format] ?? 20;
  const isTranscoded =
    ingest.encoding === 'gb18030' || ingest.encoding === 'utf-16le' || ingest.encoding === 'utf-16be';
  const isHeaderMissing = ingest.hasHeader === false;
  const warnings = ingest.problems.length;
  const measurements: QualityMeasurement[] = [
    { key: 'source_format', label: '上传文件格式', value: format },
    { key: 'encoding', label: '文本编码', value: ingest.encoding ?? '不适用' },
    { key: 'header_present', label: '有表头', value: isHeaderMissing ? '否' : '是' },
    {
      key: 'ingest_warnings',
      label: '读取时的警告数',
      value: ingest.problemsTruncated ? `${warnings}+` : warnings,
    },
    { key: 'normalized_copy', label: '已生成可预览、可查询的 Parquet 副本', value: '是' },
  ];
  const penalties: Penalty[] = [
    {
      points: formatPoints,
      issue:
        format === 'xlsx' ? '文件为 Excel 格式，需专门软件读取' : `文件格式“${format}”不是常用的开放格式`,
      advice: '优先提供 CSV、JSON 或 Parquet 等开放格式',
    },
    {
      points: isTranscoded ? 5 : 0,
      issue: `文件编码为 ${ingest.encoding ?? ''}，已转换为 UTF-8`,
      advice: '以 UTF-8 编码提供文件',
    },
    { points: isHeaderMissing ? 5 : 0, issue: '文件没有表头', advice: '在首行加上列名' },
    {
      points: ingest.problemsTruncated ? 10 : Math.min(10, warnings * 2),
      issue: `读取时有 ${ingest.problemsTruncated ? `${warnings} 条以上` : `${warnings} 条`}警告`,
      advice: '按警告修正原文件',
    },
  ];
  return scoreFromPenalties(
    'accessibility',
    penalties,
    measurements,
    `文件为开放的 ${format} 格式${ingest.encoding ? `、${ingest.encoding} 编码` : ''}，读取无警告，已生成可预览、可查询的规范化副本。`,
  );
}
