/**
 * Tags for registration terms shared by the workbench, the notice page, certificates and the
 * catalog: classification grade (red for core, orange for important, blue shades for general),
 * the three rights, case states and certificate statuses.
 */
import type { CaseState, DataGrade, DataRight } from '@shuliu/core';
import { DATA_GRADES, DATA_RIGHTS } from '@shuliu/core';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

function gradeColor(grade: DataGrade): string {
  switch (grade) {
    case 'CORE':
      return 'red';
    case 'IMPORTANT':
      return 'orange';
    case 'GENERAL_4':
      return 'gold';
    case 'GENERAL_3':
      return 'geekblue';
    case 'GENERAL_2':
      return 'blue';
    case 'GENERAL_1':
      return 'cyan';
  }
}

/** True when `value` is a known grade. */
export function isGrade(value: unknown): value is DataGrade {
  return DATA_GRADES.some((grade) => grade === value);
}

/** True when `value` is one of the three rights. */
export function isRight(value: unknown): value is DataRight {
  return DATA_RIGHTS.some((right) => right === value);
}

/** The classification grade (分类分级), with a personal-information mark when it applies. */
export function GradeTag({ grade, personalInformation }: { grade: string; personalInformation?: boolean }) {
  const { t } = useTranslation('vocab');
  return (
    <>
      <Tag color={isGrade(grade) ? gradeColor(grade) : 'default'} data-testid="grade-tag" data-grade={grade}>
        {isGrade(grade) ? t(`dataGrades.${grade}`) : grade}
      </Tag>
      {personalInformation ? <Tag color="purple">{t('personalInformation')}</Tag> : null}
    </>
  );
}

/** The rights registered or relied on (资源持有权 / 加工使用权 / 产品经营权). */
export function RightsTags({ rights }: { rights: readonly string[] }) {
  const { t } = useTranslation('vocab');
  return (
    <>
      {rights.map((right) => (
        <Tag key={right} color="blue" variant="outlined" data-right={right}>
          {isRight(right) ? t(`dataRights.${right}`) : right}
        </Tag>
      ))}
    </>
  );
}

function caseColor(state: CaseState): string {
  switch (state) {
    case 'draft':
    case 'withdrawn':
    case 'expired':
    case 'superseded':
      return 'default';
    case 'submitted':
    case 'accepted':
    case 'formal_review':
    case 'substantive_review':
      return 'processing';
    case 'publicity':
      return 'cyan';
    case 'objection_review':
    case 'returned':
      return 'warning';
    case 'certified':
    case 'active':
      return 'success';
    case 'rejected':
    case 'cancelled':
      return 'error';
  }
}

/** The state of a registration case. */
export function CaseStateTag({ state }: { state: CaseState }) {
  const { t } = useTranslation('vocab');
  return (
    <Tag color={caseColor(state)} data-testid="case-state" data-state={state}>
      {t(`caseStates.${state}`)}
    </Tag>
  );
}

/** Certificate statuses the certificate page and badges know. */
export const CERTIFICATE_STATUSES = [
  'active',
  'suspended',
  'revoked',
  'superseded',
  'expired',
  'cancelled',
] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

function isCertificateStatus(value: string): value is CertificateStatus {
  return CERTIFICATE_STATUSES.some((status) => status === value);
}

function certificateColor(status: CertificateStatus): string {
  switch (status) {
    case 'active':
      return 'success';
    case 'suspended':
      return 'warning';
    case 'revoked':
    case 'cancelled':
      return 'error';
    case 'superseded':
    case 'expired':
      return 'default';
  }
}

/** The status of a registration certificate (有效 / 暂停 / 撤销 / 已被新版本替代 …). */
export function CertificateStatusTag({ status }: { status: string }) {
  const { t } = useTranslation('vocab');
  const known = isCertificateStatus(status);
  return (
    <Tag
      color={known ? certificateColor(status) : 'default'}
      data-testid="certificate-status"
      data-status={status}
    >
      {known ? t(`certificateStatuses.${status}`) : status}
    </Tag>
  );
}
