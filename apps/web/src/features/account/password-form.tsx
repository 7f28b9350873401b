/** Change the password (the current one is required; other sessions end). */
import { Alert, App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/api-errors';
import { findPasswordProblem, MIN_PASSWORD_LENGTH } from '../auth/password-rules';
import { useChangePassword } from './api';
import { settle } from '../../ui/form-rules';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The change-password form. */
export function PasswordForm({ email }: { email: string }) {
  const { t } = useTranslation(['account', 'auth', 'common']);
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const change = useChangePassword();
  const [form] = Form.useForm<PasswordValues>();
  return (
    <Form<PasswordValues>
      form={form}
      layout="vertical"
      name="change-password"
      style={{ maxWidth: 420 }}
      onFinish={(values) =>
        change.mutate(
          { currentPassword: values.currentPassword, newPassword: values.newPassword },
          {
            onSuccess: () => {
              form.resetFields();
              void message.success(t('password.changed'));
            },
          },
        )
      }
    >
      {change.isError ? (
        <Alert type="error" showIcon title={describe(change.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form.Item
        label={t('auth:fields.currentPassword')}
        name="currentPassword"
        rules={[
          {
            required: true,
            message: t('common:validation.required', { field: t('auth:fields.currentPassword') }),
          },
        ]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label={t('auth:fields.newPassword')}
        name="newPassword"
        extra={t('auth:password.hint', { min: MIN_PASSWORD_LENGTH })}
        rules={[
          {
            required: true,
            message: t('common:validation.required', { field: t('auth:fields.newPassword') }),
          },
          {
            validator: (_rule, value: string | undefined) =>
              settle(() => {
                const problem = value ? findPasswordProblem(value, email) : null;
                if (problem)
                  throw new Error(t(`auth:password.problems.${problem}`, { min: MIN_PASSWORD_LENGTH }));
              }),
          },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label={t('auth:fields.confirmPassword')}
        name="confirm"
        dependencies={['newPassword']}
        rules={[
          {
            required: true,
            message: t('common:validation.required', { field: t('auth:fields.confirmPassword') }),
          },
          ({ getFieldValue }) => ({
            validator: (_rule, value: string | undefined) =>
              settle(() => {
                if (value && value !== getFieldValue('newPassword'))
                  throw new Error(t('auth:password.mismatch'));
              }),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
        {t('password.submit')}
      </Button>
    </Form>
  );
}
