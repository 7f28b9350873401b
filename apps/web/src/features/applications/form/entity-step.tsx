/**
 * Step 1: who the entity is. The credit code is checked on every keystroke with the shared GB 32100
 * validator and the message names the exact problem; the division code follows from it.
 */
import {
  ENTITY_TYPES,
  findCreditCodeProblem,
  isValidDivisionCode,
  normalizeCreditCode,
  provinceOf,
} from '@shuliu/core';
import { Col, Form, Input, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../app/i18n';
import { isPhoneNumber } from './form-values';
import { settle } from '../../../ui/form-rules';

/** The entity-information step. */
export function EntityStep() {
  const { t } = useTranslation(['applications', 'vocab', 'common']);
  const form = Form.useFormInstance();
  const creditCode = (Form.useWatch('creditCode', { form, preserve: true }) as string | undefined) ?? '';
  const divisionCode = (Form.useWatch('divisionCode', { form, preserve: true }) as string | undefined) ?? '';
  const province = isValidDivisionCode(divisionCode) ? provinceOf(divisionCode) : undefined;
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('common:validation.required', { field }),
  });

  return (
    <>
      <Typography.Title level={5}>{t('form.sections.entity')}</Typography.Title>
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('fields.creditCode')}
            name="creditCode"
            normalize={(value: string) => normalizeCreditCode(value)}
            validateTrigger={['onChange', 'onBlur']}
            extra={t('form.creditCodeHint', { length: creditCode.length })}
            rules={[
              required(t('fields.creditCode')),
              {
                validator: (_rule, value: string | undefined) =>
                  settle(() => {
                    if (!value) return;
                    const problem = findCreditCodeProblem(value);
                    if (problem) {
                      throw new Error(
                        t('form.creditCodeInvalid', {
                          problem: t(`vocab:creditCodeProblems.${problem}`, { length: value.length }),
                        }),
                      );
                    }
                  }),
              },
            ]}
          >
            <Input maxLength={24} className="mono" placeholder="91350100M000100Y43" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('fields.name')} name="name" rules={[required(t('fields.name')), { max: 120 }]}>
            <Input placeholder={t('form.namePlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('fields.entityType')}
            name="entityType"
            rules={[
              { required: true, message: t('common:validation.select', { field: t('fields.entityType') }) },
            ]}
          >
            <Select
              options={ENTITY_TYPES.map((type) => ({ value: type, label: t(`vocab:entityTypes.${type}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('fields.legalRepresentative')}
            name="legalRepresentative"
            rules={[required(t('fields.legalRepresentative')), { max: 64 }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('fields.divisionCode')}
            name="divisionCode"
            extra={province ? province[currentLanguage() === 'en' ? 'en' : 'zh'] : t('form.divisionHint')}
            rules={[
              required(t('fields.divisionCode')),
              {
                validator: (_rule, value: string | undefined) =>
                  settle(() => {
                    if (value && !isValidDivisionCode(value.trim()))
                      throw new Error(t('form.divisionInvalid'));
                  }),
              },
            ]}
          >
            <Input maxLength={6} className="mono" inputMode="numeric" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item
            label={t('fields.address')}
            name="address"
            rules={[required(t('fields.address')), { max: 200 }]}
          >
            <Input />
          </Form.Item>
        </Col>
      </Row>

      <Typography.Title level={5}>{t('form.sections.contact')}</Typography.Title>
      <Row gutter={24}>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('fields.contactName')}
            name={['contact', 'name']}
            rules={[required(t('fields.contactName')), { max: 64 }]}
          >
            <Input autoComplete="name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('fields.contactPhone')}
            name={['contact', 'phone']}
            rules={[
              required(t('fields.contactPhone')),
              {
                validator: (_rule, value: string | undefined) =>
                  settle(() => {
                    if (value && !isPhoneNumber(value)) throw new Error(t('common:validation.phone'));
                  }),
              },
            ]}
          >
            <Input autoComplete="tel" inputMode="tel" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('fields.contactEmail')}
            name={['contact', 'email']}
            rules={[
              required(t('fields.contactEmail')),
              { type: 'email', message: t('common:validation.email') },
            ]}
          >
            <Input autoComplete="email" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
