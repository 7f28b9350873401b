/**
 * 版本: the upload panel (members) and the version history — number, file, size, SHA-256, state
 * with a progress bar while processing, rows, quality, personal-information columns — with the
 * ingest report of a failed version and 重新处理.
 */
import { App, Button, Card, Flex, Progress, Space, Table, Tooltip, Typography, type TableProps } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type Key } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../app/api-errors';
import { Loading, QueryError } from '../../ui/query-state';
import { formatTime } from '../registry/format';
import { datasetKeys, useRetryVersion, useVersion } from './api';
import { PersonalInfoTag, QualityGradeTag, VersionStateTag } from './dataset-tags';
import { formatBytes, formatCount, shortSha } from './format';
import { IngestReportView } from './ingest-report';
import type { DatasetRecord, VersionSummary } from './types';
import { UploadPanel } from './upload-panel';
import { isVersionActive, stageKey } from './version-state';

function ProcessingProgress({ version }: { version: VersionSummary }) {
  const { t } = useTranslation('datasets');
  return (
    <Flex vertical gap={0} className="version-progress">
      <Progress
        percent={version.progress}
        size="small"
        status="active"
        data-testid={`version-progress-${version.number}`}
        data-percent={version.progress}
      />
      <Typography.Text type="secondary" className="version-progress__stage">
        {t(`stages.${stageKey(version.stage)}`)}
      </Typography.Text>
    </Flex>
  );
}

/** The report of a failed version, loaded when its row is expanded. */
function FailedVersionReport({ datasetId, number }: { datasetId: string; number: number }) {
  const version = useVersion(datasetId, number);
  if (version.isPending) return <Loading />;
  if (version.isError) return <QueryError error={version.error} onRetry={() => void version.refetch()} />;
  if (!version.data.ingest) return null;
  return (
    <IngestReportView report={version.data.ingest} number={number} failed={version.data.state === 'failed'} />
  );
}

/** The versions tab. */
export function VersionsTab({
  dataset,
  versions,
}: {
  dataset: DatasetRecord;
  versions: {
    data?: { items: VersionSummary[] };
    isPending: boolean;
    isError: boolean;
    error: unknown;
    refetch: () => unknown;
  };
}) {
  const { t } = useTranslation(['datasets', 'common']);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const retry = useRetryVersion(dataset.id);
  const items = versions.data?.items ?? [];
  const isMember = dataset.access === 'member';
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null);

  const columns: TableProps<VersionSummary>['columns'] = [
    {
      title: t('versions.number'),
      dataIndex: 'number',
      width: 72,
      render: (n: number) => <span className="mono version-number">v{n}</span>,
    },
    {
      title: t('versions.file'),
      dataIndex: 'filename',
      render: (name: string, row) => (
        <Flex vertical>
          <Typography.Text ellipsis={{ tooltip: name }} style={{ maxWidth: 240 }}>
            {name}
          </Typography.Text>
          <Typography.Text type="secondary" className="version-meta">
            {formatTime(row.createdAt)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('versions.size'),
      dataIndex: 'sourceSize',
      width: 96,
      render: (size: number) => formatBytes(size),
    },
    {
      title: t('versions.sha256'),
      dataIndex: 'sourceSha256',
      width: 150,
      render: (sha: string) => (
        <Tooltip title={sha}>
          <Typography.Text
            className="mono"
            copyable={{ text: sha, tooltips: [t('versions.copySha'), t('common:actions.copied')] }}
          >
            {shortSha(sha)}
          </Typography.Text>
        </Tooltip>
      ),
    },
    {
      title: t('versions.state'),
      key: 'state',
      width: 200,
      render: (_: unknown, row) => (
        <Flex vertical gap={4}>
          <span>
            <VersionStateTag state={row.state} number={row.number} />
          </span>
          {isVersionActive(row.state) ? <ProcessingProgress version={row} /> : null}
        </Flex>
      ),
    },
    {
      title: t('versions.rows'),
      dataIndex: 'rowCount',
      width: 96,
      render: (n: number | null) => formatCount(n),
    },
    {
      title: t('versions.quality'),
      key: 'quality',
      width: 120,
      render: (_: unknown, row) =>
        row.qualityGrade ? <QualityGradeTag grade={row.qualityGrade} score={row.qualityScore} /> : '—',
    },
    {
      title: t('versions.personalInfo'),
      key: 'pi',
      render: (_: unknown, row) =>
        row.personalInfoColumns.length > 0 ? (
          <Space size={[4, 4]} wrap>
            <PersonalInfoTag columns={row.personalInfoColumns} />
            <Typography.Text type="secondary" className="version-meta">
              {row.personalInfoColumns.join('、')}
            </Typography.Text>
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('versions.actions'),
      key: 'actions',
      width: 110,
      render: (_: unknown, row) =>
        row.state === 'failed' && isMember ? (
          <Button
            size="small"
            onClick={() =>
              retry.mutate(row.number, {
                onSuccess: () => void message.success(t('versions.retried')),
                onError: notifyError,
              })
            }
            loading={retry.isPending && retry.variables === row.number}
            data-testid={`version-retry-${row.number}`}
          >
            {t('versions.retry')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Flex vertical gap={16}>
      {isMember ? (
        <UploadPanel
          datasetId={dataset.id}
          onUploaded={() => void queryClient.invalidateQueries({ queryKey: datasetKeys.one(dataset.id) })}
        />
      ) : null}
      <Card size="small" title={t('tabs.versions')} className="versions-card">
        {versions.isError ? (
          <QueryError error={versions.error} onRetry={() => void versions.refetch()} />
        ) : (
          <Table<VersionSummary>
            rowKey="number"
            size="middle"
            columns={columns}
            dataSource={items}
            loading={versions.isPending}
            pagination={false}
            scroll={{ x: 1100 }}
            data-testid="versions-table"
            expandable={
              // Only failed versions have a report to unfold; without one the column would stay empty.
              items.some((v) => v.state === 'failed')
                ? {
                    rowExpandable: (row) => row.state === 'failed',
                    // Until the user toggles a row, the newest failed version shows its report.
                    expandedRowKeys:
                      expanded ??
                      items
                        .filter((v) => v.state === 'failed')
                        .slice(0, 1)
                        .map((v) => v.number),
                    onExpandedRowsChange: (keys) => setExpanded(keys),
                    expandedRowRender: (row) => (
                      <FailedVersionReport datasetId={dataset.id} number={row.number} />
                    ),
                  }
                : undefined
            }
            locale={{ emptyText: t('versions.empty') }}
          />
        )}
      </Card>
    </Flex>
  );
}
