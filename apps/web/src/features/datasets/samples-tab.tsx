/**
 * 样例: build a masked sample of the selected version, look at it, publish it (the server refuses,
 * naming the columns, while personal information remains — shown in an Alert and highlighted), and
 * the dataset's samples with their state, public link and 撤回.
 */
import { LinkOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Popconfirm, Space, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useErrorMessage, useNotifyError } from '../../app/api-errors';
import { QueryError } from '../../ui/query-state';
import { formatTime } from '../registry/format';
import { useCreateSample, useSamples, useSampleTransition } from './api';
import { SampleStateTag } from './dataset-tags';
import { refusedColumnsOf } from './masking-plan';
import { SampleBuilder } from './sample-builder';
import { SampleRowsTable } from './sample-rows-table';
import type { DatasetRecord, SampleRecord, VersionDetail } from './types';

/** A publication refused by the server. */
interface Refusal {
  sampleId: string;
  columns: string[];
  message: string;
}

/** The public address of a sample. */
export function samplePath(sampleId: string): string {
  return `/samples/${sampleId}`;
}

function CurrentSample({
  sample,
  refusal,
  publishing,
  onPublish,
}: {
  sample: SampleRecord;
  refusal: Refusal | undefined;
  publishing: boolean;
  onPublish: () => void;
}) {
  const { t } = useTranslation('datasets');
  const residualColumns = [...new Set(sample.residualFindings.map((f) => f.column))];
  const highlighted = refusal?.sampleId === sample.id ? refusal.columns : sample.blockingColumns;
  return (
    <Card
      size="small"
      title={
        <Space>
          {t('samples.result')}
          <SampleStateTag state={sample.state} />
          <Typography.Text type="secondary" className="mono">
            {sample.id}
          </Typography.Text>
        </Space>
      }
      extra={
        sample.state === 'draft' ? (
          <Popconfirm title={t('samples.publishConfirm')} onConfirm={onPublish}>
            <Button type="primary" icon={<SendOutlined />} loading={publishing} data-testid="publish-sample">
              {t('samples.publish')}
            </Button>
          </Popconfirm>
        ) : sample.state === 'published' ? (
          <Link to={samplePath(sample.id)}>
            <Button icon={<LinkOutlined />}>{t('samples.open')}</Button>
          </Link>
        ) : null
      }
      data-testid="current-sample"
    >
      <Flex vertical gap={12}>
        {refusal?.sampleId === sample.id ? (
          <Alert
            type="error"
            showIcon
            title={t('samples.refused')}
            description={refusal.message}
            data-testid="publish-refusal"
            data-columns={refusal.columns.join(',')}
          />
        ) : null}
        {residualColumns.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={t('samples.residual')}
            description={t('samples.residualDetail', { columns: residualColumns.join('、') })}
            data-testid="sample-residual"
          />
        ) : (
          <Alert type="success" showIcon title={t('samples.clean')} data-testid="sample-clean" />
        )}
        <SampleRowsTable sample={sample} highlighted={highlighted} />
      </Flex>
    </Card>
  );
}

function SampleList({
  samples,
  onShow,
  onWithdraw,
  isMember,
}: {
  samples: SampleRecord[];
  onShow: (sample: SampleRecord) => void;
  onWithdraw: (sample: SampleRecord) => void;
  isMember: boolean;
}) {
  const { t } = useTranslation(['datasets', 'common']);
  const columns: TableProps<SampleRecord>['columns'] = [
    { title: t('samples.id'), dataIndex: 'id', render: (id: string) => <span className="mono">{id}</span> },
    {
      title: t('samples.version'),
      dataIndex: 'versionNumber',
      width: 80,
      render: (n: number | null) => (n ? `v${n}` : '—'),
    },
    {
      title: t('samples.state'),
      dataIndex: 'state',
      width: 100,
      render: (_: unknown, s) => <SampleStateTag state={s.state} />,
    },
    { title: t('samples.rowCount'), dataIndex: 'rowCount', width: 80, align: 'right' },
    {
      title: t('samples.createdAt'),
      dataIndex: 'createdAt',
      width: 150,
      render: (at: string) => formatTime(at),
    },
    {
      title: t('samples.publishedAt'),
      dataIndex: 'publishedAt',
      width: 150,
      render: (at: string | null) => formatTime(at),
    },
    {
      title: t('samples.link'),
      key: 'link',
      render: (_: unknown, s) =>
        s.state === 'published' ? (
          <Typography.Text copyable={{ text: new URL(samplePath(s.id), window.location.origin).href }}>
            <Link to={samplePath(s.id)} data-testid={`sample-link-${s.id}`}>
              {samplePath(s.id)}
            </Link>
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      title: t('common:fields.actions'),
      key: 'actions',
      width: 140,
      render: (_: unknown, s) => (
        <Space>
          <Button type="link" size="small" onClick={() => onShow(s)} style={{ padding: 0 }}>
            {t('common:actions.view')}
          </Button>
          {isMember && s.state === 'published' ? (
            <Popconfirm title={t('samples.withdrawConfirm')} onConfirm={() => onWithdraw(s)}>
              <Button type="link" size="small" danger style={{ padding: 0 }} data-testid={`withdraw-${s.id}`}>
                {t('samples.withdraw')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <Table<SampleRecord>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={samples}
      pagination={false}
      scroll={{ x: 900 }}
      data-testid="samples-table"
      locale={{ emptyText: t('samples.empty') }}
    />
  );
}

/** The samples tab; the builder works on `version` (a ready one). */
export function SamplesTab({ dataset, version }: { dataset: DatasetRecord; version: VersionDetail }) {
  const { t } = useTranslation('datasets');
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const describe = useErrorMessage();
  const samples = useSamples(dataset.id);
  const create = useCreateSample(dataset.id);
  const transition = useSampleTransition(dataset.id);
  const [currentId, setCurrentId] = useState<string | undefined>(undefined);
  const [created, setCreated] = useState<SampleRecord | undefined>(undefined);
  const [refusal, setRefusal] = useState<Refusal | undefined>(undefined);
  const isMember = dataset.access === 'member';
  const list = samples.data?.items ?? [];
  // The list is fresher (after publish/withdraw); the created sample shows before the list reloads.
  const current = list.find((s) => s.id === currentId) ?? (created?.id === currentId ? created : undefined);

  const publish = (sample: SampleRecord) =>
    transition.mutate(
      { sampleId: sample.id, action: 'publish' },
      {
        onSuccess: () => {
          setRefusal(undefined);
          void message.success(t('samples.published'));
        },
        onError: (error) => {
          const columns = refusedColumnsOf(error);
          if (columns.length > 0) setRefusal({ sampleId: sample.id, columns, message: describe(error) });
          else notifyError(error);
        },
      },
    );

  return (
    <Flex vertical gap={16} data-testid="samples-tab">
      {isMember ? (
        <SampleBuilder
          key={version.number}
          version={version}
          highlighted={
            refusal && refusal.sampleId === currentId ? refusal.columns : (current?.blockingColumns ?? [])
          }
          generating={create.isPending}
          onGenerate={(input) =>
            create.mutate(
              { number: version.number, input },
              {
                onSuccess: (sample) => {
                  setCreated(sample);
                  setCurrentId(sample.id);
                  setRefusal(undefined);
                  void message.success(t('samples.generated'));
                },
                onError: notifyError,
              },
            )
          }
        />
      ) : (
        <Alert type="info" showIcon title={t('samples.memberOnly')} />
      )}
      {current ? (
        <CurrentSample
          sample={current}
          refusal={refusal}
          publishing={transition.isPending}
          onPublish={() => publish(current)}
        />
      ) : null}
      <Card size="small" title={t('samples.list')}>
        {samples.isError ? (
          <QueryError error={samples.error} onRetry={() => void samples.refetch()} />
        ) : (
          <SampleList
            samples={list}
            isMember={isMember}
            onShow={(s) => setCurrentId(s.id)}
            onWithdraw={(s) =>
              transition.mutate(
                { sampleId: s.id, action: 'withdraw' },
                { onSuccess: () => void message.success(t('samples.withdrawn')), onError: notifyError },
              )
            }
          />
        )}
      </Card>
    </Flex>
  );
}
