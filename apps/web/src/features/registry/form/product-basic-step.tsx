/**
 * Product step 1 (基本信息): the name from the naming rule's four parts — provider short name
 * (prefilled from the participant's name), subject, form, granularity — checked live with
 * findProductNameProblem; then the delivery methods the form allows, summary, domain, keywords.
 */
import { DELIVERIES_BY_FORM, PRODUCT_FORMS, type DeliveryMethod, type ProductForm } from '@shuliu/core';
import { Alert, Checkbox, Col, Form, Input, Row, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { settle } from '../../../ui/form-rules';
import { composeName, nameProblemOf, type NameParts } from './product-name';
import { allowedDeliveries } from './product-values';
import { DomainField, KeywordsField } from './resource-basic-step';

const SEPARATORS = /[·・•]/u;

function NamePreview({ providerName }: { providerName: string }) {
  const { t } = useTranslation(['registry', 'vocab']);
  const form = Form.useFormInstance();
  const parts =
    (Form.useWatch('nameParts', { form, preserve: true }) as Partial<NameParts> | undefined) ?? {};
  const productForm = Form.useWatch('form', { form, preserve: true }) as ProductForm | undefined;
  const problem = nameProblemOf(parts, productForm, providerName);
  return (
    <Alert
      type={problem ? 'warning' : 'success'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="product-name-preview"
      data-problem={problem ?? 'none'}
      title={
        <span>
          {t('name.preview')}
          <Typography.Text strong style={{ marginLeft: 8 }}>
            {productForm ? composeName(parts, productForm) : '—'}
          </Typography.Text>
        </span>
      }
      description={problem ? t(`vocab:nameProblems.${problem}`, { provider: providerName }) : t('name.ok')}
    />
  );
}

/** The basic-information step of the product wizard. */
export function ProductBasicStep({ providerName }: { providerName: string }) {
  const { t } = useTranslation(['registry', 'vocab', 'common']);
  const form = Form.useFormInstance();
  const productForm = Form.useWatch('form', { form, preserve: true }) as ProductForm | undefined;

  // Keep only delivery methods the chosen form allows.
  useEffect(() => {
    if (!productForm) return;
    const chosen = form.getFieldValue('deliveryMethods') as DeliveryMethod[] | undefined;
    const kept = allowedDeliveries(productForm, chosen);
    if (JSON.stringify(kept) !== JSON.stringify(chosen)) form.setFieldValue('deliveryMethods', kept);
  }, [productForm, form]);

  const part = (key: keyof NameParts, extra?: string) => ({
    label: t(`name.${key}`),
    name: ['nameParts', key],
    extra,
    rules: [
      {
        required: true,
        whitespace: true,
        message: t('common:validation.required', { field: t(`name.${key}`) }),
      },
      { max: 40, message: t('common:validation.max', { max: 40 }) },
      {
        validator: (_rule: unknown, value: string | undefined) =>
          settle(() => {
            if (value && SEPARATORS.test(value)) throw new Error(t('name.noSeparator'));
            if (
              key === 'provider' &&
              value &&
              !providerName.toLowerCase().includes(value.trim().toLowerCase())
            )
              throw new Error(t('vocab:nameProblems.provider_mismatch', { provider: providerName }));
          }),
      },
    ],
  });

  return (
    <>
      <Typography.Title level={5}>{t('name.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('name.rule')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Form.Item {...part('provider', t('name.providerHint', { name: providerName }))}>
            <Input data-testid="name-provider" />
          </Form.Item>
        </Col>
        <Col xs={24} md={7}>
          <Form.Item {...part('subject', t('name.subjectHint'))}>
            <Input data-testid="name-subject" />
          </Form.Item>
        </Col>
        <Col xs={24} md={5}>
          <Form.Item
            label={t('fields.form')}
            name="form"
            rules={[{ required: true, message: t('common:validation.select', { field: t('fields.form') }) }]}
          >
            <Select
              options={PRODUCT_FORMS.map((f) => ({ value: f, label: t(`vocab:productForms.${f}`) }))}
              data-testid="field-form"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item {...part('granularity', t('name.granularityHint'))}>
            <Input data-testid="name-granularity" />
          </Form.Item>
        </Col>
      </Row>
      <NamePreview providerName={providerName} />

      <Form.Item
        label={t('fields.deliveryMethods')}
        name="deliveryMethods"
        extra={
          productForm
            ? t('hints.deliveryMethods', { form: t(`vocab:productForms.${productForm}`) })
            : undefined
        }
        rules={[{ type: 'array', min: 1, required: true, message: t('hints.deliveryRequired') }]}
      >
        <Checkbox.Group
          options={(productForm ? DELIVERIES_BY_FORM[productForm] : []).map((m) => ({
            value: m,
            label: t(`vocab:deliveryMethods.${m}`),
          }))}
        />
      </Form.Item>
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <DomainField />
        </Col>
        <Col xs={24} md={12}>
          <KeywordsField />
        </Col>
      </Row>
      <Form.Item
        label={t('fields.summary')}
        name="summary"
        extra={t('hints.productSummary')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common:validation.required', { field: t('fields.summary') }),
          },
          { max: 2000 },
        ]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="field-summary" />
      </Form.Item>
    </>
  );
}
