/**
 * 数据质量: the dataset versions backing a product — for each, the quality grade and overall score,
 * the six-dimension radar, the row count, and a link to the published masked sample (样例数据).
 */
import { DatabaseOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { QualityDimension } from '@shuliu/core';
import { Card, Flex, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { qualityRadarOption } from '../datasets/chart-options';
import { EChart } from '../datasets/echart';
import { gradeColor } from '../datasets/version-state';
import type { CatalogProductDataset } from './types';

function DatasetQuality({ dataset }: { dataset: CatalogProductDataset }) {
  const { t } = useTranslation('catalog');
  const quality = dataset.quality;
  const option = useMemo(
    () =>
      quality
        ? qualityRadarOption(
            quality.dimensions,
            (d: QualityDimension) => t(`dataQuality.dimensions.${d}`),
            t('dataQuality.score'),
          )
        : null,
    [quality, t],
  );
  return (
    <Flex vertical gap={8} data-testid={`data-quality-${dataset.datasetId}-${dataset.versionNumber}`}>
      <Flex gap={8} align="center" wrap>
        <DatabaseOutlined style={{ color: '#1f4e9c' }} />
        <Typography.Text strong>{dataset.datasetName}</Typography.Text>
        <Typography.Text type="secondary">
          {t('dataQuality.version', { number: dataset.versionNumber })}
          {dataset.rowCount !== null
            ? ` · ${t('dataQuality.rows', { rows: dataset.rowCount.toLocaleString() })}`
            : null}
        </Typography.Text>
      </Flex>
      {quality ? (
        <>
          <Flex gap={8} align="center" wrap>
            <Tag
              color={gradeColor(quality.grade)}
              icon={<SafetyCertificateOutlined />}
              data-testid="data-quality-grade"
              data-grade={quality.grade}
            >
              {t('dataQuality.grade', { grade: quality.grade })}
            </Tag>
            <Typography.Text data-testid="data-quality-overall">
              {t('dataQuality.overall', { score: Math.round(quality.overall) })}
            </Typography.Text>
          </Flex>
          {option ? (
            <EChart
              option={option}
              height={240}
              ariaLabel={t('dataQuality.radar', { name: dataset.datasetName })}
              testId="data-quality-radar"
            />
          ) : null}
        </>
      ) : (
        <Typography.Text type="secondary">{t('dataQuality.noReport')}</Typography.Text>
      )}
      {dataset.sampleId ? (
        <Link to={`/samples/${encodeURIComponent(dataset.sampleId)}`} data-testid="data-quality-sample">
          {t('dataQuality.viewSample')}
        </Link>
      ) : null}
    </Flex>
  );
}

/** The data quality card; nothing when no dataset version backs the product. */
export function DataQualityCard({ datasets }: { datasets: readonly CatalogProductDataset[] | undefined }) {
  const { t } = useTranslation('catalog');
  if (!datasets || datasets.length === 0) return null;
  return (
    <Card title={t('dataQuality.title')} data-testid="product-data-quality">
      <Flex vertical gap={24}>
        {datasets.map((d) => (
          <DatasetQuality key={`${d.datasetId}-${d.versionNumber}`} dataset={d} />
        ))}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        {t('dataQuality.hint')}
      </Typography.Paragraph>
    </Card>
  );
}
