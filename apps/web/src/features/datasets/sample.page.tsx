/**
 * A published sample at `/samples/:sampleId`, open to anyone signed in or not: the masked rows and
 * how each column was masked. Drafts are visible to the holding organization only.
 */
import type { ColumnMasking } from '@shuliu/core';
import { Alert, Card, Descriptions, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../ui/page-header';
import { Loading, QueryError } from '../../ui/query-state';
import { formatTime } from '../registry/format';
import { useDataset, useSample } from './api';
import { SampleStateTag } from './dataset-tags';
import { isGeneralizeLevel } from './masking-plan';
import { SampleRowsTable } from './sample-rows-table';
import './datasets.css';

function MaskingTag({ masking }: { masking: ColumnMasking }) {
  const { t } = useTranslation('datasets');
  const level = isGeneralizeLevel(masking.level) ? ` · ${t(`levels.${masking.level}`)}` : '';
  return (
    <Tag color="green">
      {masking.column}：{t(`masking.${masking.method}`)}
      {level}
    </Tag>
  );
}

/** The public sample page. */
export function SamplePage() {
  const { t } = useTranslation(['datasets', 'common']);
  const { sampleId = '' } = useParams();
  const { isSignedIn } = useAuth();
  const sample = useSample(sampleId);
  // The dataset's name is readable by members and staff only; visitors see the sample without it.
  const dataset = useDataset(isSignedIn && sample.data ? sample.data.datasetId : '');

  if (sample.isPending) return <Loading />;
  if (sample.isError) return <QueryError error={sample.error} onRetry={() => void sample.refetch()} />;
  const s = sample.data;
  const name = dataset.data?.name;
  const masked = s.masking.filter((m) => m.method !== 'keep');

  return (
    <>
      <PageHeader
        title={name ? `${name} · ${t('sample.title')}` : t('sample.title')}
        subtitle={
          name && s.versionNumber
            ? t('sample.subtitle', { dataset: name, number: s.versionNumber })
            : t('sample.subtitleNoName')
        }
        crumbs={[{ title: t('common:nav.home'), to: '/' }, { title: t('sample.title') }]}
        tags={<SampleStateTag state={s.state} />}
      />
      <Flex vertical gap={16} data-testid="public-sample">
        {s.state === 'draft' ? <Alert type="warning" showIcon title={t('sample.notPublished')} /> : null}
        {s.state === 'withdrawn' ? <Alert type="warning" showIcon title={t('sample.withdrawn')} /> : null}
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('samples.rowCount')}>
              {t('sample.rows', { count: s.rowCount })}
            </Descriptions.Item>
            <Descriptions.Item label={t('samples.version')}>
              {s.versionNumber ? `v${s.versionNumber}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('samples.publishedAt')}>
              {formatTime(s.publishedAt)}
            </Descriptions.Item>
            {masked.length > 0 ? (
              <Descriptions.Item label={t('sample.masking')} span={3}>
                <Flex gap={4} wrap>
                  {masked.map((m) => (
                    <MaskingTag key={m.column} masking={m} />
                  ))}
                </Flex>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>
        <Card size="small">
          <SampleRowsTable sample={s} pageSize={50} />
        </Card>
      </Flex>
    </>
  );
}
