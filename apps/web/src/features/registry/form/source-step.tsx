/**
 * Resource step 3 (来源与权属): how the data was obtained, evidence that it was obtained lawfully,
 * and the rights claimed under 三权分置 (holding / processing / operation), each explained.
 */
import { DATA_RIGHTS, SOURCE_METHODS, type DataRight } from '@shuliu/core';
import { Alert, Card, Checkbox, Col, Form, Input, Radio, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EvidenceUpload } from './evidence-upload';

/** The source-and-rights step of the resource wizard. */
export function SourceStep() {
  const { t } = useTranslation(['registry', 'vocab', 'common']);
  const form = Form.useFormInstance();
  const rights = (Form.useWatch('rights', { form, preserve: true }) as DataRight[] | undefined) ?? [];
  return (
    <>
      <Typography.Title level={5}>{t('source.title')}</Typography.Title>
      <Form.Item
        label={t('fields.sourceMethod')}
        name={['source', 'method']}
        rules={[
          { required: true, message: t('common:validation.select', { field: t('fields.sourceMethod') }) },
        ]}
      >
        <Radio.Group data-testid="field-source-method">
          <Row gutter={[12, 8]}>
            {SOURCE_METHODS.map((method) => (
              <Col xs={24} md={12} key={method}>
                <Radio value={method}>
                  {t(`vocab:sourceMethods.${method}`)}
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t(`vocab:sourceMethodHints.${method}`)}
                  </Typography.Text>
                </Radio>
              </Col>
            ))}
          </Row>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        label={t('fields.sourceDescription')}
        name={['source', 'description']}
        extra={t('hints.sourceDescription')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common:validation.required', { field: t('fields.sourceDescription') }),
          },
          { max: 2000 },
        ]}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount data-testid="field-source-description" />
      </Form.Item>
      <EvidenceUpload
        name={['legalityEvidence']}
        label={t('fields.legalityEvidence')}
        extra={t('hints.legalityEvidence')}
        required
        testId="upload-legality-evidence"
      />

      <Typography.Title level={5}>{t('source.rightsTitle')}</Typography.Title>
      <Alert type="info" showIcon title={t('source.rightsHint')} style={{ marginBottom: 16 }} />
      <Form.Item
        name="rights"
        rules={[{ type: 'array', min: 1, required: true, message: t('source.rightsRequired') }]}
      >
        <Checkbox.Group style={{ width: '100%' }} aria-label={t('fields.rights')}>
          <Row gutter={[16, 16]} style={{ width: '100%' }}>
            {DATA_RIGHTS.map((right) => (
              <Col xs={24} md={8} key={right}>
                <Card
                  size="small"
                  className={rights.includes(right) ? 'role-card role-card--on' : 'role-card'}
                >
                  <Checkbox value={right} data-testid={`right-${right}`}>
                    <strong>{t(`vocab:dataRights.${right}`)}</strong>
                  </Checkbox>
                  <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0 24px' }}>
                    {t(`vocab:dataRightHints.${right}`)}
                  </Typography.Paragraph>
                </Card>
              </Col>
            ))}
          </Row>
        </Checkbox.Group>
      </Form.Item>
    </>
  );
}
