/**
 * 个人信息: what the detector found per column — kind, match rate, check-digit pass rate, whether
 * every row was scanned, masked examples — under a red warning when people's information is present.
 */
import { isPersonalKind, type PersonalInfoFinding } from '@shuliu/core';
import { Alert, Flex, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { KindTag } from './dataset-tags';
import { formatCount, formatShare } from './format';
import { hasPersonalFindings } from './masking-plan';
import type { VersionDetail } from './types';

/** The personal-information findings of a ready version. */
export function PersonalInfoTab({ version }: { version: VersionDetail }) {
  const { t } = useTranslation('datasets');
  const findings = version.personalInfo ?? [];
  const personalColumns = [...new Set(findings.filter((f) => isPersonalKind(f.kind)).map((f) => f.column))];

  const columns: TableProps<PersonalInfoFinding>['columns'] = [
    {
      title: t('personalInfo.column'),
      dataIndex: 'column',
      render: (c: string) => <Typography.Text strong>{c}</Typography.Text>,
    },
    {
      title: t('personalInfo.kind'),
      dataIndex: 'kind',
      render: (_: unknown, f) => (
        <Space size={4}>
          <KindTag kind={f.kind} />
          {f.nameHint ? <Tag>{t('personalInfo.nameHint')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('personalInfo.matchRate'),
      dataIndex: 'matchRate',
      align: 'right',
      render: (rate: number) => formatShare(rate),
    },
    {
      title: t('personalInfo.validRate'),
      dataIndex: 'validRate',
      align: 'right',
      render: (rate?: number) => (rate === undefined ? '—' : formatShare(rate)),
    },
    {
      title: t('personalInfo.scan'),
      key: 'scan',
      render: (_: unknown, f) =>
        f.fullScan ? (
          <Tag color="green" data-testid="full-scan">
            {t('personalInfo.fullScan')}
          </Tag>
        ) : (
          <Tag>{t('personalInfo.sampled')}</Tag>
        ),
    },
    {
      title: t('personalInfo.examined'),
      dataIndex: 'examined',
      align: 'right',
      render: (n: number) => formatCount(n),
    },
    {
      title: t('personalInfo.examples'),
      dataIndex: 'examples',
      render: (examples: string[]) => (
        <Flex vertical gap={2}>
          {examples.slice(0, 3).map((example, index) => (
            <span key={index} className="mono masked-example">
              {example}
            </span>
          ))}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="personal-info-tab">
      {hasPersonalFindings(findings) ? (
        <Alert
          type="error"
          showIcon
          title={t('personalInfo.alert')}
          description={t('personalInfo.alertDetail', { columns: personalColumns.join('、') })}
          data-testid="personal-info-alert"
        />
      ) : findings.length > 0 ? (
        <Alert type="info" showIcon title={t('personalInfo.organizationOnly')} />
      ) : (
        <Alert type="success" showIcon title={t('personalInfo.none')} data-testid="personal-info-none" />
      )}
      {findings.length > 0 ? (
        <Table<PersonalInfoFinding>
          rowKey={(f) => `${f.column}:${f.kind}`}
          size="middle"
          columns={columns}
          dataSource={findings}
          pagination={false}
          scroll={{ x: 900 }}
          data-testid="personal-info-table"
        />
      ) : null}
    </Flex>
  );
}
