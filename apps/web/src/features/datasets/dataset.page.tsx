/**
 * One dataset: its header (name, organization, latest version, quality grade) and the tabs 版本,
 * 结构, 画像, 质量, 个人信息, 预览, 样例. The tab and the version shown are kept in the address
 * (`?tab=quality&v=2`) so a reload or a shared link shows the same thing.
 */
import { Alert, Card, Descriptions, Flex, Select, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { RequireAuth } from '../../app/auth';
import { PageHeader } from '../../ui/page-header';
import { Loading, QueryError } from '../../ui/query-state';
import { formatTime } from '../registry/format';
import { useDataset, useVersions } from './api';
import { PersonalInfoTag, QualityGradeTag, VersionStateTag } from './dataset-tags';
import { PersonalInfoTab } from './personal-info-tab';
import { PreviewTab } from './preview-tab';
import { ProfileTab } from './profile-tab';
import { QualityTab } from './quality-tab';
import { SamplesTab } from './samples-tab';
import { SchemaTab } from './schema-tab';
import type { DatasetRecord, VersionDetail, VersionSummary } from './types';
import { useOrganizationName } from './use-organization-name';
import { VersionGate } from './version-gate';
import { defaultVersionNumber, latestReadyVersion } from './version-state';
import { VersionsTab } from './versions-tab';
import './datasets.css';

const TABS = ['versions', 'schema', 'profile', 'quality', 'personalInfo', 'preview', 'samples'] as const;
type TabKey = (typeof TABS)[number];

function isTab(value: string | null): value is TabKey {
  return TABS.some((tab) => tab === value);
}

function VersionPicker({
  versions,
  value,
  onChange,
}: {
  versions: VersionSummary[];
  value: number | undefined;
  onChange: (number: number) => void;
}) {
  const { t } = useTranslation('datasets');
  if (versions.length === 0) return null;
  return (
    <Flex align="center" gap={8}>
      <Typography.Text type="secondary">{t('detail.version')}</Typography.Text>
      <Select<number>
        value={value}
        onChange={onChange}
        style={{ width: 260 }}
        popupMatchSelectWidth={false}
        data-testid="version-select"
        options={versions.map((v) => ({
          value: v.number,
          label: (
            <Flex gap={6} align="center">
              <span>{t('detail.versionOption', { number: v.number, filename: v.filename })}</span>
              <VersionStateTag state={v.state} number={v.number} />
            </Flex>
          ),
        }))}
      />
    </Flex>
  );
}

function DatasetFacts({
  dataset,
  latest,
  ready,
}: {
  dataset: DatasetRecord;
  latest: VersionSummary | undefined;
  ready: VersionSummary | undefined;
}) {
  const { t } = useTranslation(['datasets', 'vocab']);
  const organizationName = useOrganizationName();
  return (
    <Card size="small" className="dataset-facts">
      <Typography.Paragraph
        type={dataset.description ? undefined : 'secondary'}
        className="dataset-description"
      >
        {dataset.description || t('detail.noDescription')}
      </Typography.Paragraph>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 5 }}>
        <Descriptions.Item label={t('detail.organization')}>
          {organizationName(dataset.organizationId)}
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.latestVersion')}>
          {latest ? (
            <Flex gap={6} align="center">
              <span className="mono">v{latest.number}</span>
              <VersionStateTag state={latest.state} number={latest.number} />
            </Flex>
          ) : (
            t('list.noVersion')
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.quality')}>
          {ready?.qualityGrade ? (
            <Flex gap={6} align="center">
              <QualityGradeTag grade={ready.qualityGrade} score={ready.qualityScore} />
              {ready.number !== latest?.number ? (
                <Typography.Text type="secondary">
                  {t('detail.ofVersion', { number: ready.number })}
                </Typography.Text>
              ) : null}
            </Flex>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.updateFrequency')}>
          {t(`vocab:updateFrequencies.${dataset.updateFrequency}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.createdAt')}>{formatTime(dataset.createdAt)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function DatasetScreen() {
  const { t } = useTranslation(['datasets', 'common']);
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const dataset = useDataset(id);
  const versions = useVersions(id);

  if (dataset.isPending) return <Loading />;
  if (dataset.isError) return <QueryError error={dataset.error} onRetry={() => void dataset.refetch()} />;
  const record = dataset.data;
  const items = versions.data?.items ?? [];
  const latest = items[0];
  const ready = latestReadyVersion(items);
  const tab: TabKey = isTab(params.get('tab')) ? (params.get('tab') as TabKey) : 'versions';
  const requested = Number(params.get('v'));
  const selected = items.some((v) => v.number === requested) ? requested : defaultVersionNumber(items);

  const update = (next: { tab?: TabKey; v?: number }) => {
    const search = new URLSearchParams(params);
    if (next.tab) search.set('tab', next.tab);
    if (next.v !== undefined) search.set('v', String(next.v));
    setParams(search, { replace: true });
  };

  const gated = (render: (version: VersionDetail) => ReactNode) => (
    <VersionGate datasetId={record.id} number={selected}>
      {render}
    </VersionGate>
  );

  const content: Record<TabKey, ReactNode> = {
    versions: <VersionsTab dataset={record} versions={versions} />,
    schema: gated((v) => <SchemaTab version={v} />),
    profile: gated((v) => <ProfileTab version={v} />),
    quality: gated((v) => <QualityTab version={v} />),
    personalInfo: gated((v) => <PersonalInfoTab version={v} />),
    preview: gated((v) => <PreviewTab key={v.number} dataset={record} version={v} />),
    samples: gated((v) => <SamplesTab dataset={record} version={v} />),
  };

  return (
    <>
      <PageHeader
        title={record.name}
        crumbs={[
          { title: t('common:nav.home'), to: '/' },
          { title: t('list.title'), to: '/datasets' },
          { title: record.name },
        ]}
        tags={
          <>
            {ready?.qualityGrade ? (
              <QualityGradeTag grade={ready.qualityGrade} score={ready.qualityScore} />
            ) : null}
            {ready ? <PersonalInfoTag columns={ready.personalInfoColumns} /> : null}
          </>
        }
      />
      <Flex vertical gap={16}>
        <DatasetFacts dataset={record} latest={latest} ready={ready} />
        {record.access === 'staff' ? <Alert type="info" showIcon title={t('detail.staffView')} /> : null}
        <Card className="dataset-tabs-card">
          <Tabs
            activeKey={tab}
            onChange={(key) => update({ tab: isTab(key) ? key : 'versions' })}
            destroyOnHidden
            tabBarExtraContent={
              tab === 'versions' ? null : (
                <VersionPicker versions={items} value={selected} onChange={(v) => update({ v })} />
              )
            }
            items={TABS.map((key) => ({
              key,
              label: <span data-testid={`tab-${key}`}>{t(`tabs.${key}`)}</span>,
              children: content[key],
            }))}
          />
        </Card>
      </Flex>
    </>
  );
}

/** The dataset page. */
export function DatasetPage() {
  return (
    <RequireAuth>
      <DatasetScreen />
    </RequireAuth>
  );
}
