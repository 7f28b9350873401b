/**
 * 数据集版本 (optional, product step 2): the organization's processed dataset versions whose quality
 * report backs the product, each with one of the dataset's published samples to show publicly. The
 * server checks the same at submission (registry.dataset.*).
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { MAX_DATASET_REFERENCES } from '@shuliu/core';
import { Button, Card, Col, Flex, Form, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  useDatasetVersions,
  useOrganizationDatasets,
  usePublishedSamples,
  type DatasetVersionOption,
} from './dataset-refs-api';

/** One reference: dataset, version (ready ones only) and an optional published sample. */
function DatasetRefRow({
  name,
  datasets,
  loading,
  onRemove,
}: {
  name: number;
  datasets: { value: string; label: string }[];
  loading: boolean;
  onRemove: () => void;
}) {
  const { t } = useTranslation(['registry', 'common']);
  const form = Form.useFormInstance();
  const datasetId = Form.useWatch(['datasets', name, 'datasetId'], { form, preserve: true }) as
    string | undefined;
  const versions = useDatasetVersions(datasetId);
  const samples = usePublishedSamples(datasetId);
  const versionLabel = (v: DatasetVersionOption) => {
    const base = t('datasets.versionLabel', { number: v.number, filename: v.filename });
    if (v.state !== 'ready') return `${base} · ${t('datasets.notReady')}`;
    return v.qualityGrade && v.qualityScore !== null
      ? `${base} · ${t('datasets.quality', { grade: v.qualityGrade, score: Math.round(v.qualityScore) })}`
      : base;
  };
  return (
    <Card size="small" data-testid={`dataset-ref-${name}`}>
      <Row gutter={16} align="top">
        <Col xs={24} md={8}>
          <Form.Item
            label={t('datasets.dataset')}
            name={[name, 'datasetId']}
            rules={[
              { required: true, message: t('common:validation.select', { field: t('datasets.dataset') }) },
            ]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={loading}
              options={datasets}
              // Another dataset: its versions and samples differ, so the picks below start again.
              onChange={(value: string) => form.setFieldValue(['datasets', name], { datasetId: value })}
              data-testid={`dataset-ref-dataset-${name}`}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={7}>
          <Form.Item
            label={t('datasets.version')}
            name={[name, 'versionNumber']}
            rules={[
              { required: true, message: t('common:validation.select', { field: t('datasets.version') }) },
            ]}
          >
            <Select
              loading={versions.isFetching}
              disabled={!datasetId}
              options={(versions.data ?? []).map((v) => ({
                value: v.number,
                label: versionLabel(v),
                disabled: v.state !== 'ready',
              }))}
              data-testid={`dataset-ref-version-${name}`}
            />
          </Form.Item>
        </Col>
        <Col xs={20} md={7}>
          <Form.Item label={t('datasets.sample')} name={[name, 'sampleId']} extra={t('datasets.sampleHint')}>
            <Select
              allowClear
              loading={samples.isFetching}
              disabled={!datasetId}
              placeholder={t('datasets.noSample')}
              options={(samples.data ?? []).map((s) => ({
                value: s.id,
                label: t('datasets.sampleLabel', { number: s.versionNumber ?? '?', rows: s.rowCount }),
              }))}
              data-testid={`dataset-ref-sample-${name}`}
            />
          </Form.Item>
        </Col>
        <Col xs={4} md={2}>
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('datasets.remove')}
            onClick={onRemove}
            style={{ marginTop: 30 }}
          />
        </Col>
      </Row>
    </Card>
  );
}

/** The optional dataset references of a product (or resource) description. */
export function DatasetRefsField({ organizationId }: { organizationId: string | undefined }) {
  const { t } = useTranslation('registry');
  const query = useOrganizationDatasets(organizationId);
  const datasets = (query.data ?? []).map((d) => ({ value: d.id, label: d.name }));
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('datasets.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('datasets.hint')}
        {!query.isPending && datasets.length === 0 ? (
          <>
            {' '}
            <Link to="/datasets">{t('datasets.none')}</Link>
          </>
        ) : null}
      </Typography.Paragraph>
      <Form.List name="datasets">
        {(refs, { add, remove }) => (
          <Flex vertical gap={12}>
            {refs.map((ref) => (
              <DatasetRefRow
                key={ref.key}
                name={ref.name}
                datasets={datasets}
                loading={query.isPending}
                onRemove={() => remove(ref.name)}
              />
            ))}
            {refs.length < MAX_DATASET_REFERENCES ? (
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({})}
                disabled={datasets.length === 0}
                data-testid="dataset-ref-add"
              >
                {t('datasets.add')}
              </Button>
            ) : null}
          </Flex>
        )}
      </Form.List>
    </>
  );
}
