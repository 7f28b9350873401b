/**
 * Resource step 5 (确认提交): the description as it will be submitted, section by section, each
 * with a link back to its step. Submitting creates an initial registration case and submits it.
 */
import type { ResourceDescription } from '@shuliu/core';
import { Alert, Button, Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { attachmentUrl } from './uploads';

const dash = '—';

/** A read-only view of a resource description (also used on the case page). */
export function ResourceSummary({
  description: d,
  onEditStep,
}: {
  description: Partial<ResourceDescription>;
  onEditStep?: (step: number) => void;
}) {
  const { t } = useTranslation(['registry', 'vocab', 'common']);
  const edit = (step: number) =>
    onEditStep ? (
      <Button type="link" size="small" onClick={() => onEditStep(step)}>
        {t('common:actions.edit')}
      </Button>
    ) : null;
  const list = (values: readonly string[] | undefined, render: (v: string) => string = (v) => v) =>
    values && values.length > 0 ? values.map((v) => <Tag key={v}>{render(v)}</Tag>) : dash;
  return (
    <>
      <Descriptions
        title={t('resource.steps.basic')}
        extra={edit(0)}
        column={{ xs: 1, md: 2 }}
        bordered
        size="small"
      >
        <Descriptions.Item label={t('fields.resourceName')}>{d.name || dash}</Descriptions.Item>
        <Descriptions.Item label={t('fields.domain')}>
          {d.domain ? t(`vocab:dataDomains.${d.domain}`) : dash}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.summary')} span={2}>
          {d.summary || dash}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.keywords')} span={2}>
          {list(d.keywords)}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('resource.steps.items')} {edit(1)}
      </Typography.Title>
      <Table
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={d.dataItems ?? []}
        columns={[
          { title: t('items.name'), dataIndex: 'name' },
          {
            title: t('items.type'),
            dataIndex: 'type',
            render: (v: string) => t(`vocab:itemTypes.${v}` as 'vocab:itemTypes.string'),
          },
          { title: t('items.description'), dataIndex: 'description' },
          {
            title: t('items.sensitivity'),
            dataIndex: 'sensitivity',
            render: (v: string) => t(`vocab:itemSensitivities.${v}` as 'vocab:itemSensitivities.none'),
          },
        ]}
      />
      <Descriptions
        title={t('source.title')}
        extra={edit(2)}
        column={{ xs: 1, md: 2 }}
        bordered
        size="small"
        style={{ marginTop: 24 }}
      >
        <Descriptions.Item label={t('fields.sourceMethod')}>
          {d.source ? t(`vocab:sourceMethods.${d.source.method}`) : dash}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.rights')}>
          {list(d.rights, (r) => t(`vocab:dataRights.${r}` as 'vocab:dataRights.holding'))}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.sourceDescription')} span={2}>
          {d.source?.description || dash}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.legalityEvidence')} span={2}>
          {d.legalityEvidenceIds && d.legalityEvidenceIds.length > 0
            ? d.legalityEvidenceIds.map((id) => (
                <a
                  key={id}
                  href={attachmentUrl(id)}
                  target="_blank"
                  rel="noreferrer"
                  style={{ marginRight: 12 }}
                >
                  {id}
                </a>
              ))
            : dash}
        </Descriptions.Item>
      </Descriptions>
      <Descriptions
        title={t('classification.title')}
        extra={edit(3)}
        column={{ xs: 1, md: 2 }}
        bordered
        size="small"
        style={{ marginTop: 24 }}
      >
        <Descriptions.Item label={t('fields.grade')}>
          {d.grade ? t(`vocab:dataGrades.${d.grade}`) : dash}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.personalInformation')}>
          {d.personalInformation ? t('common:yes') : t('common:no')}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.shareAttribute')}>
          {d.shareAttribute ? t(`vocab:shareAttributes.${d.shareAttribute}`) : dash}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.openAttribute')}>
          {d.openAttribute ? t(`vocab:openAttributes.${d.openAttribute}`) : dash}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.timeCoverage')}>
          {d.timeCoverage
            ? `${d.timeCoverage.from} ~ ${d.timeCoverage.to ?? t('classification.ongoing')}`
            : dash}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.spatialCoverage')}>{list(d.spatialCoverage)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.updateFrequency')}>
          {d.updateFrequency ? t(`vocab:updateFrequencies.${d.updateFrequency}`) : dash}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.formats')}>
          {list(d.formats, (f) => t(`vocab:dataFormats.${f}` as 'vocab:dataFormats.csv'))}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.records')}>{d.volume?.records ?? dash}</Descriptions.Item>
        <Descriptions.Item label={t('fields.bytes')}>{d.volume?.bytes ?? dash}</Descriptions.Item>
      </Descriptions>
      {d.grade === 'CORE' ? (
        <Alert type="error" showIcon title={t('grade.coreRefused')} style={{ marginTop: 16 }} />
      ) : null}
    </>
  );
}
