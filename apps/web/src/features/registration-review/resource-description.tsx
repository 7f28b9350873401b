/**
 * A data resource's description as a reviewer reads it: identity, coverage, source, rights and
 * grade in a description list, then the data items (fields) as a table.
 */
import type { DataItem, ResourceDescription } from '@shuliu/core';
import { Descriptions, Table, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { GradeTag, RightsTags } from '../../ui/registration-tags';
import { coverageLabel } from './description-readers';

function sensitivityColor(sensitivity: DataItem['sensitivity']): string {
  switch (sensitivity) {
    case 'none':
      return 'default';
    case 'personal':
      return 'purple';
    case 'sensitive_personal':
      return 'magenta';
    case 'important':
      return 'orange';
  }
}

/** The data items (字段) of a resource. */
export function DataItemsTable({ items }: { items: DataItem[] }) {
  const { t } = useTranslation(['registrationReview', 'vocab']);
  const columns: TableProps<DataItem>['columns'] = [
    {
      title: t('resource.itemName'),
      dataIndex: 'name',
      render: (name: string) => <span className="mono">{name}</span>,
    },
    {
      title: t('resource.itemType'),
      dataIndex: 'type',
      render: (_: unknown, row) => t(`vocab:itemTypes.${row.type}`),
    },
    { title: t('resource.itemDescription'), dataIndex: 'description' },
    {
      title: t('resource.itemSensitivity'),
      dataIndex: 'sensitivity',
      render: (_: unknown, row) => (
        <Tag color={sensitivityColor(row.sensitivity)}>{t(`vocab:itemSensitivities.${row.sensitivity}`)}</Tag>
      ),
    },
  ];
  return (
    <Table<DataItem>
      rowKey="name"
      size="small"
      columns={columns}
      dataSource={items}
      pagination={items.length > 20 ? { pageSize: 20 } : false}
      data-testid="data-items"
    />
  );
}

/** The resource's fields. */
export function ResourceDescriptionView({ description }: { description: ResourceDescription }) {
  const { t } = useTranslation(['registrationReview', 'vocab']);
  const lang = currentLanguage() === 'en' ? 'en' : 'zh';
  const d = description;
  const volume = [
    d.volume.records !== undefined
      ? t('resource.records', { formatted: d.volume.records.toLocaleString() })
      : null,
    d.volume.bytes !== undefined
      ? t('resource.bytes', { mb: (d.volume.bytes / 1024 / 1024).toFixed(1) })
      : null,
  ]
    .filter((part) => part !== null)
    .join(' · ');
  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        data-testid="subject-description"
        items={[
          { key: 'name', label: t('resource.name'), children: d.name, span: 'filled' },
          {
            key: 'summary',
            label: t('resource.summary'),
            span: 'filled',
            children: (
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {d.summary}
              </Typography.Paragraph>
            ),
          },
          { key: 'domain', label: t('resource.domain'), children: t(`vocab:dataDomains.${d.domain}`) },
          {
            key: 'keywords',
            label: t('resource.keywords'),
            children: d.keywords.map((k) => <Tag key={k}>{k}</Tag>),
          },
          {
            key: 'grade',
            label: t('resource.grade'),
            children: <GradeTag grade={d.grade} personalInformation={d.personalInformation} />,
          },
          { key: 'rights', label: t('resource.rights'), children: <RightsTags rights={d.rights} /> },
          {
            key: 'source',
            label: t('resource.source'),
            span: 'filled',
            children: (
              <>
                <Tag color="geekblue">{t(`vocab:sourceMethods.${d.source.method}`)}</Tag>
                {d.source.description}
              </>
            ),
          },
          {
            key: 'formats',
            label: t('resource.formats'),
            children: d.formats.map((f) => t(`vocab:dataFormats.${f}`)).join('、'),
          },
          { key: 'volume', label: t('resource.volume'), children: volume || '—' },
          {
            key: 'time',
            label: t('resource.timeCoverage'),
            children: t('resource.timeRange', {
              from: d.timeCoverage.from,
              to: d.timeCoverage.to ?? t('resource.ongoing'),
            }),
          },
          {
            key: 'space',
            label: t('resource.spatialCoverage'),
            children: d.spatialCoverage.map((code) => coverageLabel(code, lang)).join('、') || '—',
          },
          {
            key: 'frequency',
            label: t('resource.updateFrequency'),
            children: t(`vocab:updateFrequencies.${d.updateFrequency}`),
          },
          {
            key: 'attributes',
            label: t('resource.attributes'),
            children: (
              <>
                <Tag>{t(`vocab:shareAttributes.${d.shareAttribute}`)}</Tag>
                <Tag>{t(`vocab:openAttributes.${d.openAttribute}`)}</Tag>
              </>
            ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('resource.dataItems', { count: d.dataItems.length })}
      </Typography.Title>
      <DataItemsTable items={d.dataItems} />
    </>
  );
}
