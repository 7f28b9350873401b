/**
 * Tags the datasets pages share: a version's state (with a stable test id), a quality grade with its
 * score, the personal-information warning, and a detected kind.
 */
import { SafetyCertificateOutlined, WarningOutlined } from '@ant-design/icons';
import type { PersonalInfoKind, SampleState, VersionState } from '@shuliu/core';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { gradeColor, versionStateColor } from './version-state';

/** The state of version `number`. */
export function VersionStateTag({ state, number }: { state: VersionState; number: number }) {
  const { t } = useTranslation('datasets');
  return (
    <Tag color={versionStateColor(state)} data-testid={`version-state-${number}`} data-state={state}>
      {t(`states.${state}`)}
    </Tag>
  );
}

/** A quality grade (A–D) with the overall score when known. */
export function QualityGradeTag({ grade, score }: { grade: 'A' | 'B' | 'C' | 'D'; score?: number | null }) {
  const { t } = useTranslation('datasets');
  return (
    <Tag
      color={gradeColor(grade)}
      icon={<SafetyCertificateOutlined />}
      data-testid="quality-grade"
      data-grade={grade}
    >
      {grade} · {t(`quality.grades.${grade}`)}
      {score !== undefined && score !== null ? ` ${Math.round(score)}` : null}
    </Tag>
  );
}

/** Warns that a version holds personal information; the tooltip names the columns. */
export function PersonalInfoTag({ columns }: { columns: readonly string[] }) {
  const { t } = useTranslation('datasets');
  if (columns.length === 0) return null;
  return (
    <Tooltip title={columns.join('、')}>
      <Tag color="error" icon={<WarningOutlined />} data-testid="personal-info-tag">
        {t('list.hasPersonalInfo')}
      </Tag>
    </Tooltip>
  );
}

/** A detected kind of personal information (身份证号, 手机号…). */
export function KindTag({ kind }: { kind: PersonalInfoKind }) {
  const { t } = useTranslation('datasets');
  return (
    <Tag color={kind === 'credit_code' ? 'blue' : 'volcano'} data-kind={kind}>
      {t(`kinds.${kind}`)}
    </Tag>
  );
}

function sampleStateColor(state: SampleState): string {
  switch (state) {
    case 'draft':
      return 'default';
    case 'published':
      return 'success';
    case 'withdrawn':
      return 'warning';
  }
}

/** The state of a sample. */
export function SampleStateTag({ state }: { state: SampleState }) {
  const { t } = useTranslation('datasets');
  return (
    <Tag color={sampleStateColor(state)} data-testid="sample-state" data-state={state}>
      {t(`samples.states.${state}`)}
    </Tag>
  );
}
