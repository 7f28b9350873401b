/**
 * Shows a tab's content for a ready version, and otherwise says why not: still processing (with
 * its progress), failed (see the versions tab), or no version yet.
 */
import { Alert, Flex, Progress } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, QueryError, EmptyState } from '../../ui/query-state';
import { useVersion } from './api';
import type { VersionDetail } from './types';
import { isVersionActive, stageKey } from './version-state';

/** Renders `children` with version `number` of the dataset once it is ready. */
export function VersionGate({
  datasetId,
  number,
  children,
}: {
  datasetId: string;
  number: number | undefined;
  children: (version: VersionDetail) => ReactNode;
}) {
  const { t } = useTranslation('datasets');
  const version = useVersion(datasetId, number);
  if (number === undefined) return <EmptyState description={t('gate.noVersion')} />;
  if (version.isPending) return <Loading />;
  if (version.isError) return <QueryError error={version.error} onRetry={() => void version.refetch()} />;
  const v = version.data;
  if (isVersionActive(v.state))
    return (
      <Flex vertical gap={12} className="version-gate" data-testid="version-gate" data-state={v.state}>
        <Alert
          type="info"
          showIcon
          title={t('gate.processing', { number: v.number, stage: t(`stages.${stageKey(v.stage)}`) })}
        />
        <Progress percent={v.progress} status="active" />
      </Flex>
    );
  if (v.state === 'failed')
    return (
      <Alert
        type="error"
        showIcon
        title={t('gate.failed', { number: v.number })}
        data-testid="version-gate"
        data-state={v.state}
      />
    );
  return <>{children(v)}</>;
}
