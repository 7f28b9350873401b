/**
 * The sample builder's masking plan: one masking per column, pre-filled from the version's
 * personal-information findings (`defaultMaskingFor(kind)` from @shuliu/core; `keep` elsewhere), the
 * generalization levels that make sense for a column, and the columns a publication refusal names.
 */
import {
  defaultMaskingFor,
  isPersonalKind,
  type ColumnMasking,
  type ColumnType,
  type PersonalInfoFinding,
  type PersonalInfoKind,
} from '@shuliu/core';
import { errorInfoOf } from '../../app/api-errors';

/** Masking per column name. */
export type MaskingPlan = Record<string, ColumnMasking>;

/** The error code of a publication refused for unmasked personal information. */
export const UNMASKED_PERSONAL_INFO = 'datasets.sample.unmasked_personal_info';

/** True when any finding is about people (credit codes identify organizations and do not count). */
export function hasPersonalFindings(
  findings: readonly Pick<PersonalInfoFinding, 'kind'>[] | null | undefined,
): boolean {
  return (findings ?? []).some((finding) => isPersonalKind(finding.kind));
}

/**
 * The kind detected in each column; when a column matched several kinds, the one with the highest
 * match rate wins.
 */
export function kindByColumn(
  findings: readonly Pick<PersonalInfoFinding, 'column' | 'kind' | 'matchRate'>[] | null | undefined,
): Map<string, PersonalInfoKind> {
  const best = new Map<string, { kind: PersonalInfoKind; rate: number }>();
  for (const finding of findings ?? []) {
    const current = best.get(finding.column);
    if (!current || finding.matchRate > current.rate)
      best.set(finding.column, { kind: finding.kind, rate: finding.matchRate });
  }
  return new Map([...best].map(([column, { kind }]) => [column, kind]));
}

/**
 * The plan a new sample starts from: every column kept, except those with findings, which get the
 * kind's usual masking.
 * @example defaultMaskingPlan(['姓名', '城市'], [{ column: '姓名', kind: 'person_name', matchRate: 1 }])
 * // { 姓名: { column: '姓名', method: 'partial' }, 城市: { column: '城市', method: 'keep' } }
 */
export function defaultMaskingPlan(
  columns: readonly string[],
  findings: readonly Pick<PersonalInfoFinding, 'column' | 'kind' | 'matchRate'>[] | null | undefined,
): MaskingPlan {
  const kinds = kindByColumn(findings);
  const plan: MaskingPlan = {};
  for (const column of columns) {
    const kind = kinds.get(column);
    plan[column] = kind ? { column, ...defaultMaskingFor(kind) } : { column, method: 'keep' };
  }
  return plan;
}

/** What the create-sample request carries: the non-`keep` maskings (unlisted columns are kept). */
export function toMaskingRequest(plan: MaskingPlan, columns: readonly string[]): ColumnMasking[] {
  return columns.flatMap((column) => {
    const masking = plan[column];
    return masking && masking.method !== 'keep' ? [masking] : [];
  });
}

/** Generalization levels the builder offers (see `generalize` in @shuliu/core). */
export const GENERALIZE_LEVELS = [
  'year',
  'month',
  'decade',
  'province',
  'city',
  'district',
  'birth_year',
  '100',
  '1000',
  '10000',
] as const;
export type GeneralizeLevel = (typeof GENERALIZE_LEVELS)[number];

/** True when `level` is one the builder offers (a saved sample may carry another). */
export function isGeneralizeLevel(level: string | undefined): level is GeneralizeLevel {
  return GENERALIZE_LEVELS.some((l) => l === level);
}

/** Generalization levels offered for a column. */
export function generalizeLevelsFor(type: ColumnType, kind: PersonalInfoKind | undefined): GeneralizeLevel[] {
  if (kind === 'address') return ['province', 'city', 'district'];
  if (kind === 'id_card') return ['birth_year'];
  switch (type) {
    case 'date':
    case 'datetime':
      return ['year', 'month', 'decade'];
    case 'integer':
    case 'decimal':
      return ['decade', '100', '1000', '10000'];
    case 'string':
      return ['province', 'city', 'district', 'year', 'month'];
    case 'boolean':
    case 'binary':
      return [];
  }
}

/** The level a column gets when the user switches it to `generalize`. */
export function defaultLevelFor(
  type: ColumnType,
  kind: PersonalInfoKind | undefined,
): GeneralizeLevel | undefined {
  return generalizeLevelsFor(type, kind)[0];
}

/** The columns a refused publication names (422 `datasets.sample.unmasked_personal_info`), else []. */
export function refusedColumnsOf(error: unknown): string[] {
  const info = errorInfoOf(error);
  if (info.code !== UNMASKED_PERSONAL_INFO) return [];
  const columns = info.details.columns;
  return Array.isArray(columns) ? columns.filter((c): c is string => typeof c === 'string') : [];
}
