/** Step 2: the roles asked for, and the subtypes a merchant or service body must name. */
import { MERCHANT_SUBTYPES, PARTICIPANT_ROLES, SERVICE_TYPES, type ParticipantRole } from '@shuliu/core';
import { Card, Checkbox, Col, Form, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The roles-and-subtypes step. */
export function RolesStep() {
  const { t } = useTranslation(['applications', 'vocab']);
  const form = Form.useFormInstance();
  const roles = (Form.useWatch('roles', { form, preserve: true }) as ParticipantRole[] | undefined) ?? [];

  return (
    <>
      <Typography.Title level={5}>{t('form.sections.roles')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('form.rolesHint')}</Typography.Paragraph>
      <Form.Item
        name="roles"
        rules={[{ type: 'array', min: 1, required: true, message: t('form.rolesRequired') }]}
      >
        <Checkbox.Group style={{ width: '100%' }} aria-label={t('fields.roles')}>
          <Row gutter={[16, 16]} style={{ width: '100%' }}>
            {PARTICIPANT_ROLES.map((role) => (
              <Col xs={24} md={12} key={role}>
                <Card size="small" className={roles.includes(role) ? 'role-card role-card--on' : 'role-card'}>
                  <Checkbox value={role} data-testid={`role-${role}`}>
                    <strong>{t(`vocab:roles.${role}`)}</strong>
                  </Checkbox>
                  <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0 24px' }}>
                    {t(`vocab:roleHints.${role}`)}
                  </Typography.Paragraph>
                </Card>
              </Col>
            ))}
          </Row>
        </Checkbox.Group>
      </Form.Item>

      {roles.includes('merchant') ? (
        <Form.Item
          label={t('fields.merchantSubtypes')}
          name="merchantSubtypes"
          rules={[{ type: 'array', min: 1, required: true, message: t('form.merchantSubtypesRequired') }]}
        >
          <Checkbox.Group
            options={MERCHANT_SUBTYPES.map((subtype) => ({
              value: subtype,
              label: t(`vocab:merchantSubtypes.${subtype}`),
            }))}
          />
        </Form.Item>
      ) : null}

      {roles.includes('service') ? (
        <Form.Item
          label={t('fields.serviceTypes')}
          name="serviceTypes"
          rules={[{ type: 'array', min: 1, required: true, message: t('form.serviceTypesRequired') }]}
        >
          <Checkbox.Group
            options={SERVICE_TYPES.map((type) => ({ value: type, label: t(`vocab:serviceTypes.${type}`) }))}
          />
        </Form.Item>
      ) : null}
    </>
  );
}
