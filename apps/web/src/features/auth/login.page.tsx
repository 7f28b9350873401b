/** Sign in with email and password; returns to the page that asked for it (`?next=`). */
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useErrorMessage } from '../../app/api-errors';
import { useLogin } from './api';
import { safeNext } from './safe-next';

interface LoginValues {
  email: string;
  password: string;
}

/** The sign-in page. */
export function LoginPage() {
  const { t } = useTranslation(['auth', 'common']);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const login = useLogin();
  const describe = useErrorMessage();
  const next = safeNext(params.get('next'));

  const onFinish = (values: LoginValues) => {
    login.mutate(
      { email: values.email.trim(), password: values.password },
      { onSuccess: () => void navigate(next, { replace: true }) },
    );
  };

  return (
    <Card className="auth-card">
      <Typography.Title level={3}>{t('login.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
      {login.isError ? (
        <Alert
          type="error"
          showIcon
          title={describe(login.error)}
          style={{ marginBottom: 16 }}
          data-testid="login-error"
        />
      ) : null}
      <Form<LoginValues> layout="vertical" onFinish={onFinish} requiredMark={false} name="login">
        <Form.Item
          label={t('fields.email')}
          name="email"
          rules={[
            { required: true, message: t('common:validation.required', { field: t('fields.email') }) },
            { type: 'email', message: t('common:validation.email') },
          ]}
        >
          <Input prefix={<MailOutlined />} autoComplete="email" size="large" />
        </Form.Item>
        <Form.Item
          label={t('fields.password')}
          name="password"
          rules={[
            { required: true, message: t('common:validation.required', { field: t('fields.password') }) },
          ]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={login.isPending}
          data-testid="login-submit"
        >
          {t('login.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        <Link to="/forgot-password">{t('login.forgot')}</Link>
        <span style={{ float: 'right' }}>
          {t('login.noAccount')}{' '}
          <Link to={`/sign-up?next=${encodeURIComponent(next)}`}>{t('login.signUp')}</Link>
        </span>
      </Typography.Paragraph>
    </Card>
  );
}
