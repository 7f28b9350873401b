/**
 * Product step 5, API products only (接口信息): endpoint, method and documentation, and the
 * connectivity test (连通性测试) the node runs against the saved endpoint. An API product can only
 * be submitted after a passing test of its current endpoint.
 */
import { ApiOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Descriptions, Form, Input, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../app/api-errors';
import { settle } from '../../../ui/form-rules';
import type { ConnectivityResult } from '../api';
import { formatTime } from '../format';

/** True for an absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function ConnectivityResultView({ result, stale }: { result: ConnectivityResult; stale: boolean }) {
  const { t } = useTranslation('registry');
  return (
    <Alert
      type={stale ? 'warning' : result.ok ? 'success' : 'error'}
      showIcon
      style={{ marginTop: 16 }}
      data-testid="connectivity-result"
      data-ok={String(result.ok && !stale)}
      title={stale ? t('api.stale') : result.ok ? t('api.passed') : t('api.failed')}
      description={
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('api.statusCode')}>{result.statusCode ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('api.latency')}>
            {typeof result.latencyMs === 'number' ? `${result.latencyMs} ms` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('api.testedAt')}>{formatTime(result.testedAt)}</Descriptions.Item>
          {result.error ? <Descriptions.Item label={t('api.error')}>{result.error}</Descriptions.Item> : null}
        </Descriptions>
      }
    />
  );
}

/** The API step of the product wizard. */
export function ApiStep({
  result,
  stale,
  onTest,
  testing,
  testError,
}: {
  result: ConnectivityResult | undefined;
  /** The endpoint changed since the test. */
  stale: boolean;
  onTest: () => void;
  testing: boolean;
  testError: unknown;
}) {
  const { t } = useTranslation(['registry', 'common']);
  const describe = useErrorMessage();
  const url = (field: string, required: boolean) => [
    { required, whitespace: true, message: t('common:validation.required', { field }) },
    {
      validator: (_rule: unknown, value: string | undefined) =>
        settle(() => {
          if (value?.trim() && !isHttpUrl(value.trim())) throw new Error(t('api.urlInvalid'));
        }),
    },
  ];
  return (
    <>
      <Typography.Title level={5}>{t('api.title')}</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item
            label={t('api.endpoint')}
            name={['api', 'endpoint']}
            extra={t('api.endpointHint')}
            rules={url(t('api.endpoint'), true)}
          >
            <Input
              className="mono"
              placeholder="https://api.example.cn/v1/traffic-flow"
              data-testid="field-api-endpoint"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('api.method')} name={['api', 'method']}>
            <Select options={['GET', 'POST'].map((m) => ({ value: m, label: m }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label={t('api.documentation')}
        name={['api', 'documentationUrl']}
        rules={url(t('api.documentation'), false)}
      >
        <Input className="mono" placeholder="https://docs.example.cn/traffic-flow" />
      </Form.Item>
      <Alert type="info" showIcon title={t('api.testHint')} />
      <Button
        icon={<ApiOutlined />}
        onClick={onTest}
        loading={testing}
        style={{ marginTop: 16 }}
        data-testid="connectivity-test"
      >
        {t('api.test')}
      </Button>
      {testError ? (
        <Alert type="error" showIcon style={{ marginTop: 16 }} title={describe(testError)} />
      ) : null}
      {result ? <ConnectivityResultView result={result} stale={stale} /> : null}
    </>
  );
}
