/**
 * Third-party assessment (第三方评估): the reviewer assigns a registered service body; its members
 * then attach the assessment report, which the reviewer reads here. Required before publicity when
 * the regime says so.
 */
import { App, Button, Card, Flex, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../app/api-errors';
import { useParticipantDirectory } from '../participants/api';
import { useAssignAssessor } from './api';
import { EvidenceList } from './evidence-viewer';
import type { RegistrationCase } from './types';

/** The assessor card; choosing a body shows while the case is under review. */
export function AssessorCard({ data, isEditable }: { data: RegistrationCase; isEditable: boolean }) {
  const { t } = useTranslation(['registrationReview', 'common']);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const assign = useAssignAssessor(data.id);
  const services = useParticipantDirectory({ role: 'service' });
  const [chosen, setChosen] = useState<string | undefined>();
  const participants = services.data?.pages.flatMap((page) => page.items) ?? [];
  const options = participants.map((p) => ({ value: p.organizationId, label: p.name }));
  const assignedName = options.find((o) => o.value === data.assessorOrganizationId)?.label;
  const reports = data.assessmentAttachmentIds;

  return (
    <Card
      title={t('assessor.title')}
      size="small"
      extra={data.regime.thirdPartyAssessment ? <Tag color="orange">{t('assessor.required')}</Tag> : null}
      data-testid="assessor-card"
    >
      <Typography.Paragraph>
        {data.assessorOrganizationId
          ? t('assessor.assigned', { name: assignedName ?? data.assessorOrganizationId })
          : t('assessor.none')}
      </Typography.Paragraph>
      {reports.length > 0 ? (
        <EvidenceList
          items={reports.map((id, index) => ({ id, label: t('assessor.report', { n: index + 1 }) }))}
        />
      ) : data.assessorOrganizationId ? (
        <Typography.Paragraph type="secondary">{t('assessor.waiting')}</Typography.Paragraph>
      ) : null}
      {isEditable ? (
        <Flex gap={8}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={chosen}
            onChange={setChosen}
            options={options}
            loading={services.isPending}
            placeholder={t('assessor.placeholder')}
            aria-label={t('assessor.choose')}
            style={{ flex: 1, minWidth: 0 }}
            notFoundContent={t('assessor.noBodies')}
            data-testid="assessor-select"
          />
          <Button
            disabled={!chosen}
            loading={assign.isPending}
            onClick={() =>
              chosen
                ? assign.mutate(chosen, {
                    onSuccess: () => void message.success(t('assessor.saved')),
                    onError: notifyError,
                  })
                : undefined
            }
            data-testid="assessor-save"
          >
            {t('assessor.assign')}
          </Button>
        </Flex>
      ) : null}
    </Card>
  );
}
