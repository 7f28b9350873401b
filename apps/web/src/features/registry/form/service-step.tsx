/**
 * Product step 4 (价格与服务): pricing (amount typed in 元, stored in fen), quality statement and
 * report, update frequency, grade (never lower than the resources'), personal-information tag,
 * open attribute, visibility in the catalog, and the contact for buyers.
 */
import {
  OPEN_ATTRIBUTES,
  PRICING_MODELS,
  VISIBILITIES,
  type DataGrade,
  type PricingModel,
} from '@shuliu/core';
import { Col, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { settle } from '../../../ui/form-rules';
import { PersonalInformationField, UpdateFrequencyField } from './classification-step';
import { EvidenceUpload } from './evidence-upload';
import { GradeField } from './grade-field';
import { MAX_FEN, yuanToFen } from './money';
import { UNITS_BY_MODEL } from './product-values';

/** The pricing-and-service step of the product wizard. */
export function ServiceStep({
  minimumGrade,
  personalSuggested,
}: {
  minimumGrade: DataGrade | undefined;
  personalSuggested: boolean;
}) {
  const { t } = useTranslation(['registry', 'vocab', 'common']);
  const form = Form.useFormInstance();
  const model = Form.useWatch(['pricing', 'model'], { form, preserve: true }) as PricingModel | undefined;
  const units = model ? UNITS_BY_MODEL[model] : [];
  const free = model === 'free_public_welfare';
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('common:validation.required', { field }),
  });

  // A unit that does not fit the model is replaced by the model's default.
  useEffect(() => {
    if (!model) return;
    const unit = form.getFieldValue(['pricing', 'unit']) as string | undefined;
    if (!unit || !UNITS_BY_MODEL[model].includes(unit))
      form.setFieldValue(['pricing', 'unit'], UNITS_BY_MODEL[model][0]);
    if (model === 'free_public_welfare') form.setFieldValue(['pricing', 'amountYuan'], 0);
  }, [model, form]);

  return (
    <>
      <Typography.Title level={5}>{t('pricing.title')}</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('pricing.model')}
            name={['pricing', 'model']}
            rules={[
              { required: true, message: t('common:validation.select', { field: t('pricing.model') }) },
            ]}
          >
            <Select
              options={PRICING_MODELS.map((m) => ({ value: m, label: t(`vocab:pricingModels.${m}`) }))}
              data-testid="field-pricing-model"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('pricing.amount')}
            name={['pricing', 'amountYuan']}
            extra={t('pricing.amountHint')}
            rules={[
              { required: !free, message: t('common:validation.required', { field: t('pricing.amount') }) },
              {
                validator: (_rule, value: number | null | undefined) =>
                  settle(() => {
                    if (free || value === null || value === undefined) return;
                    const fen = yuanToFen(value);
                    if (fen === null) throw new Error(t('pricing.amountInvalid', { max: MAX_FEN / 100 }));
                    if (fen === 0) throw new Error(t('pricing.amountZero'));
                  }),
              },
            ]}
          >
            <InputNumber
              min={0}
              precision={2}
              step={1}
              prefix="¥"
              disabled={free}
              style={{ width: '100%' }}
              data-testid="field-price"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('pricing.unit')} name={['pricing', 'unit']}>
            <Select
              disabled={free}
              options={units.map((u) => ({
                value: u,
                label: t(`vocab:priceUnits.${u}` as 'vocab:priceUnits.order'),
              }))}
            />
          </Form.Item>
        </Col>
      </Row>

      <Typography.Title level={5}>{t('quality.title')}</Typography.Title>
      <Form.Item
        label={t('quality.statement')}
        name={['quality', 'statement']}
        extra={t('quality.hint')}
        rules={[required(t('quality.statement')), { max: 2000 }]}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount data-testid="field-quality" />
      </Form.Item>
      <EvidenceUpload
        name={['quality', 'report']}
        label={t('quality.report')}
        max={1}
        testId="upload-quality-report"
      />
      <UpdateFrequencyField />

      <Typography.Title level={5}>{t('classification.title')}</Typography.Title>
      <GradeField minimum={minimumGrade} />
      <PersonalInformationField suggested={personalSuggested} />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('fields.openAttribute')}
            name="openAttribute"
            rules={[
              {
                required: true,
                message: t('common:validation.select', { field: t('fields.openAttribute') }),
              },
            ]}
          >
            <Select
              options={OPEN_ATTRIBUTES.map((a) => ({ value: a, label: t(`vocab:openAttributes.${a}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('fields.visibility')} name="visibility" extra={t('hints.visibility')}>
            <Radio.Group
              options={VISIBILITIES.map((v) => ({ value: v, label: t(`vocab:visibilities.${v}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>

      <Typography.Title level={5}>{t('contact.title')}</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('contact.name')}
            name={['contact', 'name']}
            rules={[required(t('contact.name')), { max: 64 }]}
          >
            <Input autoComplete="name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('contact.phone')}
            name={['contact', 'phone']}
            rules={[
              required(t('contact.phone')),
              {
                pattern: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/,
                message: t('common:validation.phone'),
              },
            ]}
          >
            <Input autoComplete="tel" inputMode="tel" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('contact.email')}
            name={['contact', 'email']}
            rules={[required(t('contact.email')), { type: 'email', message: t('common:validation.email') }]}
          >
            <Input autoComplete="email" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
