/** Create an account (then signed in straight away) and continue to the registration application. */
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useErrorMessage } from '../../app/api-errors';
import { useSignUp } from './api';
import { findPasswordProblem, MIN_PASSWORD_LENGTH } from './password-rules';
import { safeNext } from './safe-next';
import { settle } from '../../ui/form-rules';

interface SignUpValues {
  displayName: string;
  email: string;
  password: string;
  confirm: string;
}

/** The sign-up page. */
export function SignUpPage() {
  const { t } = useTranslation(['auth', 'common']);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signUp = useSignUp();
  const describe = useErrorMessage();
  const [form] = Form.useForm<SignUpValues>();
  const next = params.get('next') ? safeNext(params.get('next')) : '/apply';

  const onFinish = (values: SignUpValues) => {
    signUp.mutate(
      { email: values.email.trim(), password: values.password, displayName: values.displayName.trim() },
      { onSuccess: () => void navigate(next, { replace: true }) },
    );
  };

  return (
    <Card className="auth-card">
      <Typography.Title level={3}>{t('signUp.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('signUp.subtitle')}</Typography.Paragraph>
      {signUp.isError ? (
        <Alert
          type="error"
          showIcon
          title={describe(signUp.error)}
          style={{ marginBottom: 16 }}
          data-testid="sign-up-error"
        />
      ) : null}
      <Form<SignUpValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        requiredMark={false}
        name="sign-up"
      >
        <Form.Item
          label={t('fields.displayName')}
          name="displayName"
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common:validation.required', { field: t('fields.displayName') }),
            },
            { max: 64, message: t('common:validation.max', { max: 64 }) },
          ]}
        >
          <Input autoComplete="name" />
        </Form.Item>
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
        <Form.Item
          label={t('fields.password')}
          name="password"
          extra={t('password.hint', { min: MIN_PASSWORD_LENGTH })}
          dependencies={['email']}
          rules={[
            { required: true, message: t('common:validation.required', { field: t('fields.password') }) },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                settle(() => {
                  const problem = value
                    ? findPasswordProblem(value, getFieldValue('email') as string | undefined)
                    : null;
                  if (problem)
                    throw new Error(t(`password.problems.${problem}`, { min: MIN_PASSWORD_LENGTH }));
                }),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('fields.confirmPassword')}
          name="confirm"
          dependencies={['password']}
          rules={[
            {
              required: true,
              message: t('common:validation.required', { field: t('fields.confirmPassword') }),
            },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                settle(() => {
                  if (value && value !== getFieldValue('password')) throw new Error(t('password.mismatch'));
                }),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={signUp.isPending}
          data-testid="sign-up-submit"
        >
          {t('signUp.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        {t('signUp.haveAccount')} <Link to="/login">{t('signUp.login')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}
