/**
 * Step 3: the commitments. Which ones are required follows `requiredCommitments(roles)` from
 * packages/core, the same rule the server enforces.
 */
import { COMMITMENTS, requiredCommitments, type Commitment, type ParticipantRole } from '@shuliu/core';
import { Alert, Checkbox, Flex, Form, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { missingCommitments } from './form-values';
import { settle } from '../../../ui/form-rules';

/** The commitments step. */
export function CommitmentsStep() {
  const { t } = useTranslation(['applications', 'vocab', 'common']);
  const form = Form.useFormInstance();
  const roles = (Form.useWatch('roles', { form, preserve: true }) as ParticipantRole[] | undefined) ?? [];
  const required = new Set<Commitment>(requiredCommitments(roles));

  return (
    <>
      <Typography.Title level={5}>{t('form.sections.commitments')}</Typography.Title>
      <Alert type="info" showIcon title={t('form.commitmentsHint')} style={{ marginBottom: 16 }} />
      <Form.Item
        name="commitments"
        dependencies={['roles']}
        rules={[
          {
            validator: (_rule, value: Commitment[] | undefined) =>
              settle(() => {
                const missing = missingCommitments(roles, value ?? []);
                if (missing.length > 0) {
                  throw new Error(
                    t('form.commitmentsMissing', {
                      missing: missing
                        .map((c) => t(`vocab:commitments.${c}`))
                        .join(t('common:listSeparator')),
                    }),
                  );
                }
              }),
          },
        ]}
      >
        <Checkbox.Group style={{ width: '100%' }} aria-label={t('fields.commitments')}>
          <Flex vertical gap={12}>
            {COMMITMENTS.map((commitment) => (
              <Checkbox key={commitment} value={commitment} data-testid={`commitment-${commitment}`}>
                {t(`vocab:commitments.${commitment}`)}{' '}
                {required.has(commitment) ? (
                  <Tag color="red" variant="outlined">
                    {t('form.required')}
                  </Tag>
                ) : (
                  <Tag>{t('form.optional')}</Tag>
                )}
              </Checkbox>
            ))}
          </Flex>
        </Checkbox.Group>
      </Form.Item>
    </>
  );
}
