/**
 * Forgotten password: ask for a reset link by email; then set a new password with the link's token
 * (`/reset-password?token=…`).
 */
import { Alert, Button, Card, Form, Input, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useErrorMessage } from '../../app/api-errors';
import { useRequestPasswordReset, useResetPassword } from './api';
import { findPasswordProblem, MIN_PASSWORD_LENGTH } from './password-rules';
import { settle } from '../../ui/form-rules';

/** Ask for a reset link. */
export function ForgotPasswordPage() {
  const { t } = useTranslation(['auth', 'common']);
  const request = useRequestPasswordReset();
  const describe = useErrorMessage();
  if (request.isSuccess) {
    return (
      <Card className="auth-card">
        <Result
          status="success"
          title={t('forgot.sentTitle')}
          subTitle={t('forgot.sent')}
          extra={<Link to="/login">{t('forgot.backToLogin')}</Link>}
        />
      </Card>
    );
  }
  return (
    <Card className="auth-card">
      <Typography.Title level={3}>{t('forgot.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('forgot.subtitle')}</Typography.Paragraph>
      {request.isError ? (
        <Alert type="error" showIcon title={describe(request.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<{ email: string }>
        layout="vertical"
        requiredMark={false}
        name="forgot-password"
        onFinish={(values) => request.mutate({ email: values.email.trim() })}
      >
        <Form.Item
          label={t('fields.email')}
          name="email"
          rules={[
            { required: true, message: t('common:validation.required', { field: t('fields.email') }) },
            { type: 'email', message: t('common:validation.email') },
          ]}
        >
          <Input autoComplete="email" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={request.isPending}
          data-testid="forgot-submit"
        >
          {t('forgot.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        <Link to="/login">{t('forgot.backToLogin')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}

/** Set a new password from a reset link. */
export function ResetPasswordPage() {
  const { t } = useTranslation(['auth', 'common']);
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const reset = useResetPassword();
  const describe = useErrorMessage();
  if (!token) {
    return (
      <Card className="auth-card">
        <Result
          status="warning"
          title={t('reset.noToken')}
          extra={<Link to="/forgot-password">{t('reset.requestNew')}</Link>}
        />
      </Card>
    );
  }
  if (reset.isSuccess) {
    return (
      <Card className="auth-card">
        <Result
          status="success"
          title={t('reset.done')}
          extra={<Link to="/login">{t('forgot.backToLogin')}</Link>}
        />
      </Card>
    );
  }
  return (
    <Card className="auth-card">
      <Typography.Title level={3}>{t('reset.title')}</Typography.Title>
      {reset.isError ? (
        <Alert
          type="error"
          showIcon
          title={describe(reset.error)}
          action={<Link to="/forgot-password">{t('reset.requestNew')}</Link>}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form<{ newPassword: string; confirm: string }>
        layout="vertical"
        requiredMark={false}
        name="reset-password"
        onFinish={(values) => reset.mutate({ token, newPassword: values.newPassword })}
      >
        <Form.Item
          label={t('fields.newPassword')}
          name="newPassword"
          extra={t('password.hint', { min: MIN_PASSWORD_LENGTH })}
          rules={[
            { required: true, message: t('common:validation.required', { field: t('fields.newPassword') }) },
            {
              validator: (_rule, value: string | undefined) =>
                settle(() => {
                  const problem = value ? findPasswordProblem(value) : null;
                  if (problem)
                    throw new Error(t(`password.problems.${problem}`, { min: MIN_PASSWORD_LENGTH }));
                }),
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('fields.confirmPassword')}
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            {
              required: true,
              message: t('common:validation.required', { field: t('fields.confirmPassword') }),
            },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                settle(() => {
                  if (value && value !== getFieldValue('newPassword'))
                    throw new Error(t('password.mismatch'));
                }),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={reset.isPending} data-testid="reset-submit">
          {t('reset.submit')}
        </Button>
      </Form>
    </Card>
  );
}
