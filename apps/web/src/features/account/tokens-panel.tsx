/**
 * API tokens for the SDK, the CLI and scripts: create one with scopes and an expiry (its secret is
 * shown once, with a copy button), see when each was last used, revoke.
 */
import { KeyOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage, useNotifyError } from '../../app/api-errors';
import { EmptyState, QueryError } from '../../ui/query-state';
import { formatTime } from '../applications/application-timeline';
import {
  useCreateToken,
  useRevokeToken,
  useTokens,
  type ApiToken,
  type CreatedApiToken,
  type TokenScope,
} from './api';

const SCOPES: readonly TokenScope[] = ['read', 'write'];
const EXPIRY_DAYS = [7, 30, 90, 180, 365] as const;

interface CreateValues {
  name: string;
  scopes: TokenScope[];
  expiresInDays: number;
}

function tokenState(token: ApiToken): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  return dayjs(token.expiresAt).isBefore(dayjs()) ? 'expired' : 'active';
}

function CreateTokenModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (token: CreatedApiToken) => void;
}) {
  const { t } = useTranslation(['account', 'vocab', 'common']);
  const describe = useErrorMessage();
  const create = useCreateToken();
  const [form] = Form.useForm<CreateValues>();
  return (
    <Modal
      open={open}
      title={t('tokens.createTitle')}
      okText={t('tokens.create')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ loading: create.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      afterClose={() => create.reset()}
    >
      {create.isError ? (
        <Alert type="error" showIcon title={describe(create.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<CreateValues>
        form={form}
        layout="vertical"
        name="create-token"
        preserve={false}
        initialValues={{ scopes: ['read'], expiresInDays: 90 }}
        onFinish={(values) =>
          create.mutate(
            { name: values.name.trim(), scopes: values.scopes, expiresInDays: values.expiresInDays },
            { onSuccess: onCreated },
          )
        }
      >
        <Form.Item
          label={t('tokens.name')}
          name="name"
          extra={t('tokens.nameHint')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common:validation.required', { field: t('tokens.name') }),
            },
            { max: 64, message: t('common:validation.max', { max: 64 }) },
          ]}
        >
          <Input data-testid="token-name" />
        </Form.Item>
        <Form.Item
          label={t('tokens.scopes')}
          name="scopes"
          rules={[{ type: 'array', min: 1, required: true, message: t('tokens.scopesRequired') }]}
        >
          <Checkbox.Group
            options={SCOPES.map((scope) => ({
              value: scope,
              label: t('common:withNote', {
                text: t(`vocab:tokenScopes.${scope}`),
                note: t(`tokens.scopeHints.${scope}`),
              }),
            }))}
          />
        </Form.Item>
        <Form.Item label={t('tokens.expiresIn')} name="expiresInDays">
          <Select
            style={{ width: 200 }}
            options={EXPIRY_DAYS.map((days) => ({ value: days, label: t('tokens.days', { days }) }))}
            data-testid="token-expiry"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The API tokens tab. */
export function TokensPanel() {
  const { t } = useTranslation(['account', 'vocab', 'common']);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [isCreating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  const columns: TableProps<ApiToken>['columns'] = [
    { title: t('tokens.name'), dataIndex: 'name' },
    {
      title: t('tokens.prefix'),
      dataIndex: 'prefix',
      render: (prefix: string) => <span className="mono">{prefix}…</span>,
    },
    {
      title: t('tokens.scopes'),
      dataIndex: 'scopes',
      render: (scopes: TokenScope[]) =>
        scopes.map((scope) => <Tag key={scope}>{t(`vocab:tokenScopes.${scope}`)}</Tag>),
    },
    { title: t('common:fields.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatTime(at) },
    { title: t('tokens.expiresAt'), dataIndex: 'expiresAt', render: (at: string) => formatTime(at) },
    {
      title: t('tokens.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      render: (at: string | null) => (at ? formatTime(at) : t('tokens.neverUsed')),
    },
    {
      title: t('common:fields.status'),
      key: 'state',
      render: (_: unknown, row) => {
        const state = tokenState(row);
        return <Tag color={state === 'active' ? 'success' : 'default'}>{t(`tokens.states.${state}`)}</Tag>;
      },
    },
    {
      title: t('common:fields.actions'),
      key: 'actions',
      render: (_: unknown, row) =>
        tokenState(row) === 'active' ? (
          <Popconfirm
            title={t('tokens.revokeConfirm', { name: row.name })}
            okText={t('common:actions.confirm')}
            cancelText={t('common:actions.cancel')}
            onConfirm={() =>
              revoke.mutate(row.id, {
                onSuccess: () => void message.success(t('tokens.revoked')),
                onError: notifyError,
              })
            }
          >
            <Button type="link" danger size="small" data-testid={`token-revoke-${row.id}`}>
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <>
      <Typography.Paragraph type="secondary">{t('tokens.intro')}</Typography.Paragraph>
      <div className="toolbar">
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="token-create"
        >
          {t('tokens.create')}
        </Button>
      </div>
      {tokens.isError ? (
        <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : (
        <Table<ApiToken>
          rowKey="id"
          columns={columns}
          dataSource={tokens.data?.items ?? []}
          loading={tokens.isPending}
          pagination={false}
          scroll={{ x: 900 }}
          data-testid="tokens"
          locale={{ emptyText: <EmptyState description={t('tokens.empty')} /> }}
        />
      )}
      <CreateTokenModal
        open={isCreating}
        onClose={() => setCreating(false)}
        onCreated={(token) => {
          setCreating(false);
          setCreated(token);
        }}
      />
      <Modal
        open={created !== null}
        title={
          <>
            <KeyOutlined /> {t('tokens.createdTitle')}
          </>
        }
        onOk={() => setCreated(null)}
        onCancel={() => setCreated(null)}
        okText={t('tokens.saved')}
        cancelButtonProps={{ style: { display: 'none' } }}
        mask={{ closable: false }}
      >
        <Alert type="warning" showIcon title={t('tokens.shownOnce')} style={{ marginBottom: 16 }} />
        <div className="token-once">
          <Typography.Paragraph
            className="mono"
            copyable={{
              text: created?.token ?? '',
              tooltips: [t('common:actions.copy'), t('common:actions.copied')],
            }}
            style={{ margin: 0 }}
            data-testid="token-secret"
          >
            {created?.token}
          </Typography.Paragraph>
        </div>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('tokens.usage')}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
