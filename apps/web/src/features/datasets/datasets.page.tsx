/**
 * 数据集: the datasets of the user's organizations (every dataset for exchange staff) with the latest
 * version's state, quality grade and personal-information warning, and 新建数据集.
 */
import { DatabaseOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireAuth } from '../../app/auth';
import { PageHeader } from '../../ui/page-header';
import { EmptyState, QueryError } from '../../ui/query-state';
import { formatTime } from '../registry/format';
import { useMyDatasets, useVersionsOf } from './api';
import { CreateDatasetModal } from './create-dataset-modal';
import { PersonalInfoTag, QualityGradeTag, VersionStateTag } from './dataset-tags';
import type { DatasetRecord, VersionSummary } from './types';
import { useOrganizationName } from './use-organization-name';
import { latestReadyVersion } from './version-state';
import './datasets.css';

interface Row extends DatasetRecord {
  latest?: VersionSummary;
  /** The newest ready version: its grade and findings describe the data. */
  ready?: VersionSummary;
}

function DatasetList() {
  const { t } = useTranslation(['datasets', 'common']);
  const [creating, setCreating] = useState(false);
  const datasets = useMyDatasets();
  const items = datasets.data?.items ?? [];
  const versions = useVersionsOf(items);
  const organizationName = useOrganizationName();
  const rows: Row[] = items.map((dataset, index) => {
    const history = versions[index]?.data?.items;
    return { ...dataset, latest: history?.[0], ready: latestReadyVersion(history) };
  });

  const columns: TableProps<Row>['columns'] = [
    {
      title: t('list.name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Flex vertical>
          <Link
            to={`/datasets/${row.id}`}
            data-testid={`dataset-link-${row.id}`}
            className="dataset-name-link"
          >
            <DatabaseOutlined /> {name}
          </Link>
          {row.description ? (
            <Typography.Text type="secondary" ellipsis className="dataset-list-description">
              {row.description}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('list.organization'),
      dataIndex: 'organizationId',
      render: (id: string) => organizationName(id),
    },
    {
      title: t('list.latestVersion'),
      key: 'latest',
      render: (_: unknown, row) =>
        row.latest ? (
          <Space size={4}>
            <span className="mono">v{row.latest.number}</span>
            <VersionStateTag state={row.latest.state} number={row.latest.number} />
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('list.noVersion')}</Typography.Text>
        ),
    },
    {
      title: t('list.quality'),
      key: 'quality',
      render: (_: unknown, row) =>
        row.ready?.qualityGrade ? (
          <QualityGradeTag grade={row.ready.qualityGrade} score={row.ready.qualityScore} />
        ) : (
          '—'
        ),
    },
    {
      title: t('list.personalInfo'),
      key: 'pi',
      render: (_: unknown, row) =>
        row.ready ? (
          row.ready.personalInfoColumns.length > 0 ? (
            <PersonalInfoTag columns={row.ready.personalInfoColumns} />
          ) : (
            <Typography.Text type="secondary">{t('list.noPersonalInfo')}</Typography.Text>
          )
        ) : (
          '—'
        ),
    },
    {
      title: t('list.updatedAt'),
      dataIndex: 'updatedAt',
      render: (at: string) => formatTime(at),
      width: 160,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('list.title')}
        subtitle={t('list.subtitle')}
        crumbs={[{ title: t('common:nav.home'), to: '/' }, { title: t('list.title') }]}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="new-dataset"
          >
            {t('list.new')}
          </Button>
        }
      />
      <Card>
        {datasets.isError ? (
          <QueryError error={datasets.error} onRetry={() => void datasets.refetch()} />
        ) : (
          <Table<Row>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={datasets.isPending}
            pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            scroll={{ x: 900 }}
            data-testid="datasets-table"
            locale={{
              emptyText: (
                <EmptyState
                  description={t('list.empty')}
                  action={
                    <Button type="primary" onClick={() => setCreating(true)}>
                      {t('list.new')}
                    </Button>
                  }
                />
              ),
            }}
          />
        )}
      </Card>
      <CreateDatasetModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

/** The datasets list. */
export function DatasetsPage() {
  return (
    <RequireAuth>
      <DatasetList />
    </RequireAuth>
  );
}
