/** Resource step 1 (基本信息): name, summary, domain and keywords. */
import { DATA_DOMAINS } from '@shuliu/core';
import { Col, Form, Input, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Most keywords a resource or product carries. */
export const MAX_KEYWORDS = 20;

/** The domain select, shared with the product wizard. */
export function DomainField() {
  const { t } = useTranslation(['registry', 'vocab', 'common']);
  return (
    <Form.Item
      label={t('fields.domain')}
      name="domain"
      rules={[{ required: true, message: t('common:validation.select', { field: t('fields.domain') }) }]}
    >
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        options={DATA_DOMAINS.map((d) => ({ value: d, label: t(`vocab:dataDomains.${d}`) }))}
        data-testid="field-domain"
      />
    </Form.Item>
  );
}

/** The keywords field (free tags), shared with the product wizard. */
export function KeywordsField() {
  const { t } = useTranslation('registry');
  return (
    <Form.Item
      label={t('fields.keywords')}
      name="keywords"
      extra={t('hints.keywords', { max: MAX_KEYWORDS })}
      rules={[{ type: 'array', max: MAX_KEYWORDS, message: t('hints.keywords', { max: MAX_KEYWORDS }) }]}
    >
      <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} data-testid="field-keywords" />
    </Form.Item>
  );
}

/** The basic-information step of the resource wizard. */
export function ResourceBasicStep() {
  const { t } = useTranslation(['registry', 'common']);
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('common:validation.required', { field }),
  });
  return (
    <>
      <Typography.Title level={5}>{t('resource.steps.basic')}</Typography.Title>
      <Row gutter={24}>
        <Col xs={24} md={14}>
          <Form.Item
            label={t('fields.resourceName')}
            name="name"
            extra={t('hints.resourceName')}
            rules={[required(t('fields.resourceName')), { max: 120 }]}
          >
            <Input maxLength={120} showCount data-testid="field-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <DomainField />
        </Col>
      </Row>
      <Form.Item
        label={t('fields.summary')}
        name="summary"
        extra={t('hints.resourceSummary')}
        rules={[required(t('fields.summary')), { max: 2000 }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="field-summary" />
      </Form.Item>
      <KeywordsField />
    </>
  );
}
