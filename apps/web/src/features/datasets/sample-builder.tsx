/**
 * 生成样例: rows to draw and a masking method per column — pre-filled with the kind's default
 * (`defaultMaskingFor`) for columns with personal information, `keep` elsewhere — and a
 * generalization level where the method needs one.
 */
import { ExperimentOutlined } from '@ant-design/icons';
import {
  MASKING_METHODS,
  MAX_SAMPLE_ROWS,
  type ColumnMasking,
  type DatasetColumn,
  type MaskingMethod,
} from '@shuliu/core';
import { Button, Card, Flex, InputNumber, Select, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KindTag } from './dataset-tags';
import {
  defaultLevelFor,
  defaultMaskingPlan,
  generalizeLevelsFor,
  isGeneralizeLevel,
  kindByColumn,
  toMaskingRequest,
  type MaskingPlan,
} from './masking-plan';
import type { CreateSampleInput, VersionDetail } from './types';

/** The builder for version `version`; `onGenerate` sends the request. */
export function SampleBuilder({
  version,
  highlighted,
  generating,
  onGenerate,
}: {
  version: VersionDetail;
  highlighted: readonly string[];
  generating: boolean;
  onGenerate: (input: CreateSampleInput) => void;
}) {
  const { t } = useTranslation('datasets');
  const columnList = version.columns ?? [];
  const names = columnList.map((c) => c.name);
  const kinds = kindByColumn(version.personalInfo);
  const [rows, setRows] = useState(100);
  const [plan, setPlan] = useState<MaskingPlan>(() => defaultMaskingPlan(names, version.personalInfo));
  const marked = new Set(highlighted);

  const setMasking = (column: DatasetColumn, next: Partial<ColumnMasking>) =>
    setPlan((current) => ({
      ...current,
      [column.name]: { ...(current[column.name] ?? { method: 'keep' }), ...next, column: column.name },
    }));

  const chooseMethod = (column: DatasetColumn, method: MaskingMethod) => {
    const level = method === 'generalize' ? defaultLevelFor(column.type, kinds.get(column.name)) : undefined;
    setPlan((current) => ({
      ...current,
      [column.name]: { column: column.name, method, ...(level ? { level } : {}) },
    }));
  };

  const columns: TableProps<DatasetColumn>['columns'] = [
    {
      title: t('samples.column'),
      dataIndex: 'name',
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      title: t('samples.detected'),
      key: 'kind',
      width: 170,
      render: (_: unknown, column) => {
        const kind = kinds.get(column.name);
        return kind ? <KindTag kind={kind} /> : <Typography.Text type="secondary">—</Typography.Text>;
      },
    },
    {
      title: t('samples.method'),
      key: 'method',
      width: 200,
      render: (_: unknown, column) => (
        <Select<MaskingMethod>
          value={plan[column.name]?.method ?? 'keep'}
          onChange={(method) => chooseMethod(column, method)}
          options={MASKING_METHODS.map((m) => ({ value: m, label: t(`masking.${m}`) }))}
          style={{ width: 170 }}
          status={marked.has(column.name) ? 'error' : undefined}
          data-testid={`masking-${column.name}`}
        />
      ),
    },
    {
      title: t('samples.level'),
      key: 'level',
      width: 180,
      render: (_: unknown, column) => {
        const masking = plan[column.name];
        if (masking?.method !== 'generalize') return null;
        const levels = generalizeLevelsFor(column.type, kinds.get(column.name));
        return (
          <Select
            value={isGeneralizeLevel(masking.level) ? masking.level : undefined}
            onChange={(level: string) => setMasking(column, { level })}
            options={levels.map((level) => ({ value: level, label: t(`levels.${level}`) }))}
            style={{ width: 150 }}
            data-testid={`masking-level-${column.name}`}
          />
        );
      },
    },
  ];

  return (
    <Card
      size="small"
      title={t('samples.builder')}
      data-testid="sample-builder"
      extra={
        <Flex gap={8} align="center">
          <Typography.Text>{t('samples.rows')}</Typography.Text>
          <InputNumber
            min={1}
            max={MAX_SAMPLE_ROWS}
            value={rows}
            onChange={(value) => setRows(value ?? 100)}
            data-testid="sample-rows-count"
          />
          <Button
            type="primary"
            icon={<ExperimentOutlined />}
            loading={generating}
            onClick={() => onGenerate({ rows, masking: toMaskingRequest(plan, names) })}
            data-testid="generate-sample"
          >
            {t('samples.generate')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('samples.builderHint', { number: version.number })}
      </Typography.Paragraph>
      <Table<DatasetColumn>
        rowKey="name"
        size="small"
        columns={columns}
        dataSource={columnList}
        pagination={false}
        rowClassName={(column) => (marked.has(column.name) ? 'masking-row--blocked' : '')}
        scroll={{ x: 700 }}
        data-testid="masking-table"
      />
    </Card>
  );
}
