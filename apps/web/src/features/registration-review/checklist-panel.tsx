/** The compliance checklist (合规审查清单): one collapsible panel per item, with progress. */
import {
  CheckCircleFilled,
  CloseCircleFilled,
  ClockCircleOutlined,
  MinusCircleFilled,
} from '@ant-design/icons';
import type { CheckVerdict } from '@shuliu/core';
import { Card, Collapse, Progress, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { ChecklistItemForm } from './checklist-item-form';
import { checklistProgress } from './checklist-rules';
import type { ChecklistItem } from './types';

function verdictIcon(verdict: CheckVerdict) {
  switch (verdict) {
    case 'pass':
      return <CheckCircleFilled style={{ color: '#2e8540' }} />;
    case 'fail':
      return <CloseCircleFilled style={{ color: '#c8312b' }} />;
    case 'not_applicable':
      return <MinusCircleFilled style={{ color: '#8a94a6' }} />;
    case 'pending':
      return <ClockCircleOutlined style={{ color: '#d98c10' }} />;
  }
}

function verdictColor(verdict: CheckVerdict): string {
  switch (verdict) {
    case 'pass':
      return 'success';
    case 'fail':
      return 'error';
    case 'not_applicable':
      return 'default';
    case 'pending':
      return 'warning';
  }
}

/** The checklist of a case; editable during review. */
export function ChecklistPanel({
  caseId,
  items,
  isEditable,
}: {
  caseId: string;
  items: ChecklistItem[];
  isEditable: boolean;
}) {
  const { t } = useTranslation(['registrationReview', 'vocab']);
  const lang = currentLanguage() === 'en' ? 'en' : 'zh';
  const { decided, total } = checklistProgress(items);
  const firstPending = items.find((item) => item.verdict === 'pending')?.key;
  return (
    <Card
      title={t('checklist.title')}
      extra={
        <span data-testid="checklist-progress">
          {t('checklist.progress', { decided, total })}
          <Progress
            percent={total === 0 ? 0 : Math.round((decided / total) * 100)}
            size="small"
            showInfo={false}
            style={{ width: 120, marginLeft: 8, display: 'inline-flex' }}
          />
        </span>
      }
      data-testid="checklist"
    >
      <Collapse
        accordion
        defaultActiveKey={firstPending ? [firstPending] : []}
        items={items.map((item) => ({
          key: item.key,
          label: (
            <span data-testid={`checklist-item-${item.key}`} data-verdict={item.verdict}>
              {verdictIcon(item.verdict)} {item.title[lang]}
            </span>
          ),
          extra: <Tag color={verdictColor(item.verdict)}>{t(`vocab:checkVerdicts.${item.verdict}`)}</Tag>,
          children: <ChecklistItemForm caseId={caseId} item={item} isEditable={isEditable} />,
        }))}
      />
    </Card>
  );
}
