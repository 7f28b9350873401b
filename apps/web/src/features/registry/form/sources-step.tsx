/**
 * Product step 2 (来源与样例): the registered resources the product derives from, the right relied
 * on for each (the rights chain) with licence evidence, a sample — a file, or for APIs an
 * example response — and, optionally, dataset versions whose quality report and published sample
 * back the product.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { DATA_RIGHTS, type ProductForm } from '@shuliu/core';
import { Alert, Button, Card, Col, Flex, Form, Input, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { settle } from '../../../ui/form-rules';
import type { ResourceRecord } from '../api';
import { DatasetRefsField } from './dataset-refs-field';
import { EvidenceUpload } from './evidence-upload';
import { datasetReferencesOf, type DatasetRefValues } from './product-values';
import type { UploadItem } from './uploads';

/** The sources-and-sample step of the product wizard. */
export function SourcesStep({
  resources,
  loading,
  organizationId,
}: {
  resources: ResourceRecord[];
  loading: boolean;
  /** The registering organization, whose datasets may be referenced. */
  organizationId: string | undefined;
}) {
  const { t } = useTranslation(['registry', 'vocab', 'common']);
  const form = Form.useFormInstance();
  const productForm = Form.useWatch('form', { form, preserve: true }) as ProductForm | undefined;
  const options = resources.map((r) => ({ value: r.id, label: r.name }));
  return (
    <>
      <Typography.Title level={5}>{t('sources.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('sources.hint')}</Typography.Paragraph>
      {!loading && resources.length === 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('sources.noResources')}
          action={<Link to="/registry/resources/new">{t('list.newResource')}</Link>}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form.List
        name="rightsChain"
        rules={[
          {
            validator: (_rule, links: unknown[] | undefined) =>
              settle(() => {
                if (!links || links.length === 0) throw new Error(t('sources.required'));
              }),
          },
        ]}
      >
        {(links, { add, remove }, { errors }) => (
          <Flex vertical gap={12}>
            {links.map((link) => (
              <Card size="small" key={link.key} data-testid={`rights-link-${link.name}`}>
                <Row gutter={16} align="top">
                  <Col xs={24} md={10}>
                    <Form.Item
                      label={t('sources.resource')}
                      name={[link.name, 'resourceId']}
                      rules={[
                        {
                          required: true,
                          message: t('common:validation.select', { field: t('sources.resource') }),
                        },
                      ]}
                    >
                      <Select
                        showSearch={{ optionFilterProp: 'label' }}
                        loading={loading}
                        options={options}
                        data-testid={`rights-resource-${link.name}`}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={20} md={12}>
                    <Form.Item
                      label={t('sources.right')}
                      name={[link.name, 'right']}
                      extra={t('sources.rightHint')}
                    >
                      <Select
                        options={DATA_RIGHTS.map((r) => ({ value: r, label: t(`vocab:dataRights.${r}`) }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={2}>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('sources.remove')}
                      onClick={() => remove(link.name)}
                      style={{ marginTop: 30 }}
                    />
                  </Col>
                </Row>
                <EvidenceUpload
                  name={[link.name, 'licenceEvidence']}
                  label={t('sources.licence')}
                  extra={t('sources.licenceHint')}
                  testId={`upload-licence-${link.name}`}
                />
              </Card>
            ))}
            <Form.ErrorList errors={errors} />
            <Button icon={<PlusOutlined />} onClick={() => add({ right: 'processing', licenceEvidence: [] })}>
              {t('sources.add')}
            </Button>
          </Flex>
        )}
      </Form.List>

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('sample.title')}
      </Typography.Title>
      <EvidenceUpload
        name={['sampleFile']}
        label={t('sample.file')}
        extra={t('sample.fileHint')}
        max={1}
        testId="upload-sample"
      />
      <Form.Item
        label={t('sample.example')}
        name="exampleResponse"
        extra={productForm === 'api' ? t('sample.exampleApiHint') : t('sample.exampleHint')}
        dependencies={['sampleFile', 'datasets']}
        rules={[
          { max: 20000 },
          ({ getFieldValue }) => ({
            validator: (_rule, value: string | undefined) =>
              settle(() => {
                const files = (getFieldValue('sampleFile') as UploadItem[] | undefined) ?? [];
                const hasFile = files.some((f) => f.status === 'done');
                // A published sample of a referenced dataset is a sample too.
                const refs = getFieldValue('datasets') as (DatasetRefValues | undefined)[] | undefined;
                const hasDatasetSample = datasetReferencesOf(refs).some((r) => r.sampleId);
                if (productForm === 'api' && !value?.trim()) throw new Error(t('sample.exampleRequired'));
                if (!hasFile && !hasDatasetSample && !value?.trim()) throw new Error(t('sample.required'));
              }),
          }),
        ]}
      >
        <Input.TextArea
          rows={6}
          className="mono"
          placeholder='{"roadId": "G15-001", "flow": 1234}'
          data-testid="field-example-response"
        />
      </Form.Item>
      <DatasetRefsField organizationId={organizationId} />
    </>
  );
}
