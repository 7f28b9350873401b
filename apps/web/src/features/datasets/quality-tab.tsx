/**
 * 质量: the six-dimension radar (规范性 完整性 准确性 一致性 时效性 可访问性), the overall score and
 * grade, and per dimension its explanation and the measurements behind it.
 */
import { QUALITY_DIMENSIONS, type QualityDimension, type QualityDimensionScore } from '@shuliu/core';
import {
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Progress,
  Row,
  Table,
  Typography,
  type TableProps,
} from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../registry/format';
import { qualityRadarOption } from './chart-options';
import { QualityGradeTag } from './dataset-tags';
import { EChart } from './echart';
import type { VersionDetail } from './types';

type Measurement = QualityDimensionScore['measurements'][number];

function scoreColor(score: number): string {
  if (score >= 90) return '#2e8540';
  if (score >= 75) return '#1f4e9c';
  if (score >= 60) return '#d98c10';
  return '#c8312b';
}

function DimensionCard({ dimension }: { dimension: QualityDimensionScore }) {
  const { t } = useTranslation('datasets');
  const columns: TableProps<Measurement>['columns'] = [
    { title: t('quality.measurement'), dataIndex: 'label' },
    { title: t('quality.column'), dataIndex: 'column', width: 140, render: (c?: string) => c ?? '—' },
    {
      title: t('quality.value'),
      dataIndex: 'value',
      width: 120,
      align: 'right',
      render: (v: number | string) => (typeof v === 'number' ? Number(v.toPrecision(6)) : v),
    },
  ];
  return (
    <Card
      size="small"
      className="quality-dimension"
      data-testid={`quality-${dimension.dimension}`}
      title={
        <Flex justify="space-between" align="center" gap={12}>
          <span>{t(`dimensions.${dimension.dimension}`)}</span>
          <Progress
            percent={Math.round(dimension.score)}
            size="small"
            strokeColor={scoreColor(dimension.score)}
            format={(p) => `${p ?? 0}`}
            style={{ width: 160, margin: 0 }}
          />
        </Flex>
      }
    >
      <Typography.Paragraph>{dimension.explanation}</Typography.Paragraph>
      {dimension.measurements.length > 0 ? (
        <Table<Measurement>
          rowKey={(m) => `${m.key}:${m.column ?? ''}`}
          size="small"
          columns={columns}
          dataSource={dimension.measurements}
          pagination={dimension.measurements.length > 8 ? { pageSize: 8, size: 'small' } : false}
        />
      ) : null}
    </Card>
  );
}

/** The quality report of a ready version. */
export function QualityTab({ version }: { version: VersionDetail }) {
  const { t } = useTranslation('datasets');
  const quality = version.quality;
  const option = useMemo(
    () =>
      quality
        ? qualityRadarOption(
            quality.dimensions,
            (d: QualityDimension) => t(`dimensions.${d}`),
            t('quality.score'),
          )
        : null,
    [quality, t],
  );
  if (!quality || !option) return <Empty />;
  const ordered = QUALITY_DIMENSIONS.flatMap((d) => quality.dimensions.filter((x) => x.dimension === d));
  return (
    <Flex vertical gap={16} data-testid="quality-tab">
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('quality.radar')}>
            <EChart option={option} height={340} ariaLabel={t('quality.radar')} testId="quality-radar" />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" className="quality-summary">
            <Flex vertical align="center" gap={8}>
              <Progress
                type="dashboard"
                percent={Math.round(quality.overall)}
                strokeColor={scoreColor(quality.overall)}
                format={(p) => (
                  <span className="quality-overall" data-testid="quality-overall">
                    {p ?? 0}
                  </span>
                )}
                size={160}
              />
              <Typography.Text type="secondary">{t('quality.overall')}</Typography.Text>
              <QualityGradeTag grade={quality.grade} />
            </Flex>
            <Descriptions size="small" column={1} className="quality-summary__facts">
              <Descriptions.Item label={t('quality.basis')}>
                {quality.basis === 'declared' ? t('quality.basisDeclared') : t('quality.basisInferred')}
              </Descriptions.Item>
              <Descriptions.Item label={t('quality.generatedAt')}>
                {formatTime(quality.generatedAt)}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        {ordered.map((dimension) => (
          <Col key={dimension.dimension} xs={24} lg={12}>
            <DimensionCard dimension={dimension} />
          </Col>
        ))}
      </Row>
    </Flex>
  );
}
