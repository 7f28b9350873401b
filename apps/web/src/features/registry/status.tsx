/** The registration status of a resource or product (草稿 / 登记中 / 已登记 / 已注销 / 已到期). */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SubjectStatus } from './api';

function color(status: SubjectStatus): string {
  switch (status) {
    case 'draft':
      return 'default';
    case 'registering':
      return 'processing';
    case 'registered':
      return 'success';
    case 'cancelled':
      return 'error';
    case 'expired':
      return 'warning';
  }
}

/** A subject's status tag. */
export function SubjectStatusTag({ status }: { status: SubjectStatus }) {
  const { t } = useTranslation('vocab');
  return (
    <Tag color={color(status)} data-testid="subject-status" data-status={status}>
      {t(`subjectStatuses.${status}`)}
    </Tag>
  );
}
