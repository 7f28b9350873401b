/**
 * 画像: one card per column with its key numbers and charts — a histogram for numbers (of lengths
 * for text), the most frequent values, and the shares of value patterns.
 */
import type { ColumnProfile, PersonalInfoKind } from '@shuliu/core';
import { Card, Col, Empty, Flex, Row, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { histogramOption, patternOption, topValuesOption } from './chart-options';
import { KindTag } from './dataset-tags';
import { EChart } from './echart';
import { formatCount, formatShare } from './format';
import { kindByColumn } from './masking-plan';
import type { VersionDetail } from './types';

const isNumeric = (column: ColumnProfile) => column.type === 'integer' || column.type === 'decimal';

function ColumnCard({ column, kind }: { column: ColumnProfile; kind: PersonalInfoKind | undefined }) {
  const { t } = useTranslation('datasets');
  const numeric = isNumeric(column);
  const options = useMemo(() => {
    const histogram = column.histogram ?? [];
    const patterns = column.patterns ?? [];
    return {
      histogram: histogram.length > 0 ? histogramOption(histogram, t('profile.count')) : null,
      top:
        column.topValues.length > 0
          ? topValuesOption(column.topValues, t('profile.count'), t('profile.empty'))
          : null,
      patterns:
        patterns.length > 0
          ? patternOption(
              patterns.map((p) => ({ label: t(`patterns.${p.pattern}`), share: p.share })),
              t('profile.share'),
            )
          : null,
    };
  }, [column, t]);
  // Numbers: their distribution says most. Text: the frequent values, then the patterns.
  const charts = [
    numeric && options.histogram
      ? { key: 'histogram', title: t('profile.histogram'), option: options.histogram }
      : null,
    options.top ? { key: 'top', title: t('profile.topValues'), option: options.top } : null,
    !numeric && options.patterns
      ? { key: 'patterns', title: t('profile.patterns'), option: options.patterns }
      : null,
    !numeric && options.histogram
      ? { key: 'length', title: t('profile.lengthHistogram'), option: options.histogram }
      : null,
  ].filter((c) => c !== null);

  return (
    <Card
      size="small"
      className="profile-card"
      data-testid={`profile-${column.name}`}
      title={
        <Flex gap={8} align="center" wrap>
          <span>{column.name}</span>
          <Tag color="blue">{t(`types.${column.type}`)}</Tag>
          {kind ? <KindTag kind={kind} /> : null}
        </Flex>
      }
    >
      <Flex gap={16} wrap className="profile-card__facts">
        <Typography.Text type="secondary">
          {t('profile.nulls', {
            share: column.count > 0 ? formatShare(column.nullCount / column.count) : '—',
          })}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('profile.distinct', { count: formatCount(column.distinctEstimate) })}
        </Typography.Text>
        {column.mean !== undefined && column.mean !== null ? (
          <Typography.Text type="secondary">
            {t('profile.mean')} {Number(column.mean.toPrecision(6))}
          </Typography.Text>
        ) : null}
        {column.length ? (
          <Typography.Text type="secondary">
            {t('profile.length', {
              min: column.length.min,
              max: column.length.max,
              mean: Number(column.length.mean.toFixed(1)),
            })}
          </Typography.Text>
        ) : null}
        {kind ? <Tag color="orange">{t('profile.maskedValues')}</Tag> : null}
      </Flex>
      {charts.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('profile.noChart')} />
      ) : (
        <Row gutter={[16, 8]}>
          {charts.slice(0, 2).map((chart) => (
            <Col key={chart.key} xs={24} md={charts.length > 1 ? 12 : 24}>
              <Typography.Text className="chart-title">{chart.title}</Typography.Text>
              <EChart
                option={chart.option}
                height={200}
                ariaLabel={`${column.name} ${chart.title}`}
                testId={`chart-${chart.key}`}
              />
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}

/** The profile of a ready version. */
export function ProfileTab({ version }: { version: VersionDetail }) {
  const { t } = useTranslation('datasets');
  const kinds = kindByColumn(version.personalInfo);
  if (!version.profile) return <Empty />;
  return (
    <Flex vertical gap={16} data-testid="profile-tab">
      <Typography.Text type="secondary">
        {t('profile.sampleNote', { size: formatCount(version.profile.sampleSize) })}
      </Typography.Text>
      <Row gutter={[16, 16]}>
        {version.profile.columns.map((column) => (
          <Col key={column.name} xs={24} xl={12}>
            <ColumnCard column={column} kind={kinds.get(column.name)} />
          </Col>
        ))}
      </Row>
    </Flex>
  );
}
