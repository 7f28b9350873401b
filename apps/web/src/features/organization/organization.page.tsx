/**
 * 我的组织: the user's organization (the legal entity they act for) and its members. Owners and
 * admins add members by email, change their roles and remove them; anyone may leave.
 */
import { UserAddOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Popconfirm,
  Select,
  Table,
  Tag,
  type TableProps,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useNotifyError } from '../../app/api-errors';
import { RequireAuth, useAuth } from '../../app/auth';
import { PageHeader } from '../../ui/page-header';
import { EmptyState, Loading, QueryError } from '../../ui/query-state';
import { formatTime } from '../applications/application-timeline';
import { useMemberMutations, useMembers, useOrganization, type Member, type MemberRole } from './api';

const MEMBER_ROLES: readonly MemberRole[] = ['owner', 'admin', 'member'];

function AddMemberForm({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation(['organization', 'vocab', 'common']);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const { add } = useMemberMutations(organizationId);
  const [form] = Form.useForm<{ email: string; role: MemberRole }>();
  return (
    <Form
      form={form}
      layout="inline"
      name="add-member"
      initialValues={{ role: 'member' }}
      onFinish={(values) =>
        add.mutate(
          { email: values.email.trim(), role: values.role },
          {
            onSuccess: () => {
              form.resetFields();
              void message.success(t('members.added'));
            },
            onError: notifyError,
          },
        )
      }
      style={{ rowGap: 8 }}
    >
      <Form.Item
        name="email"
        rules={[
          { required: true, message: t('common:validation.required', { field: t('members.email') }) },
          { type: 'email', message: t('common:validation.email') },
        ]}
      >
        <Input
          placeholder={t('members.emailPlaceholder')}
          aria-label={t('members.email')}
          style={{ width: 280 }}
          data-testid="member-email"
        />
      </Form.Item>
      <Form.Item name="role">
        <Select
          aria-label={t('members.role')}
          style={{ width: 140 }}
          options={MEMBER_ROLES.map((role) => ({ value: role, label: t(`vocab:organizationRoles.${role}`) }))}
          data-testid="member-role"
        />
      </Form.Item>
      <Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<UserAddOutlined />}
          loading={add.isPending}
          data-testid="member-add"
        >
          {t('members.add')}
        </Button>
      </Form.Item>
    </Form>
  );
}

function OrganizationView({ id, myRole }: { id: string; myRole: MemberRole }) {
  const { t } = useTranslation(['organization', 'applications', 'vocab', 'common']);
  const { me } = useAuth();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const organization = useOrganization(id);
  const members = useMembers(id);
  const { changeRole, remove } = useMemberMutations(id);
  const canManage = myRole === 'owner' || myRole === 'admin';

  if (organization.isPending) return <Loading />;
  if (organization.isError)
    return <QueryError error={organization.error} onRetry={() => void organization.refetch()} />;
  const org = organization.data;

  const columns: TableProps<Member>['columns'] = [
    {
      title: t('members.name'),
      dataIndex: 'displayName',
      render: (name: string, row) => (
        <>
          {name} {row.userId === me?.id ? <Tag>{t('members.you')}</Tag> : null}
        </>
      ),
    },
    { title: t('members.email'), dataIndex: 'email' },
    {
      title: t('members.role'),
      dataIndex: 'role',
      render: (role: MemberRole, row) =>
        canManage ? (
          <Select<MemberRole>
            value={role}
            size="small"
            style={{ width: 120 }}
            aria-label={t('members.roleOf', { name: row.displayName })}
            onChange={(next) =>
              changeRole.mutate(
                { userId: row.userId, role: next },
                { onSuccess: () => void message.success(t('members.roleChanged')), onError: notifyError },
              )
            }
            options={MEMBER_ROLES.map((value) => ({ value, label: t(`vocab:organizationRoles.${value}`) }))}
            data-testid={`member-role-${row.userId}`}
          />
        ) : (
          t(`vocab:organizationRoles.${role}`)
        ),
    },
    { title: t('members.joinedAt'), dataIndex: 'joinedAt', render: (at: string) => formatTime(at) },
    {
      title: t('common:fields.actions'),
      key: 'actions',
      render: (_: unknown, row) => {
        const isSelf = row.userId === me?.id;
        if (!canManage && !isSelf) return null;
        return (
          <Popconfirm
            title={isSelf ? t('members.leaveConfirm') : t('members.removeConfirm', { name: row.displayName })}
            okText={t('common:actions.confirm')}
            cancelText={t('common:actions.cancel')}
            onConfirm={() =>
              remove.mutate(row.userId, {
                onSuccess: () => void message.success(isSelf ? t('members.left') : t('members.removed')),
                onError: notifyError,
              })
            }
          >
            <Button type="link" danger size="small" data-testid={`member-remove-${row.userId}`}>
              {isSelf ? t('members.leave') : t('members.remove')}
            </Button>
          </Popconfirm>
        );
      },
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Card title={t('info.title')}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          size="small"
          items={[
            { key: 'name', label: t('info.name'), children: org.name },
            {
              key: 'status',
              label: t('common:fields.status'),
              children:
                org.status === 'registered' ? (
                  <Tag color="success">{t('info.registered')}</Tag>
                ) : (
                  <Tag>{t('info.unregistered')}</Tag>
                ),
            },
            {
              key: 'creditCode',
              label: t('applications:fields.creditCode'),
              children: org.creditCode ? <span className="mono">{org.creditCode}</span> : '—',
            },
            {
              key: 'participant',
              label: t('info.participant'),
              children: org.participantId ? (
                <Link to={`/participants/${org.participantId}`}>{t('info.viewParticipant')}</Link>
              ) : (
                <Link to="/apply">{t('info.apply')}</Link>
              ),
            },
            { key: 'myRole', label: t('info.myRole'), children: t(`vocab:organizationRoles.${myRole}`) },
            { key: 'createdAt', label: t('common:fields.createdAt'), children: formatTime(org.createdAt) },
          ]}
        />
      </Card>
      <Card title={t('members.title')} extra={canManage ? null : <span>{t('members.readOnly')}</span>}>
        {canManage ? (
          <div className="toolbar">
            <AddMemberForm organizationId={id} />
          </div>
        ) : null}
        {members.isError ? (
          <QueryError error={members.error} onRetry={() => void members.refetch()} />
        ) : (
          <Table<Member>
            rowKey="userId"
            columns={columns}
            dataSource={members.data?.items ?? []}
            loading={members.isPending}
            pagination={false}
            data-testid="members"
          />
        )}
      </Card>
    </Flex>
  );
}

function MyOrganization() {
  const { t } = useTranslation(['organization', 'common']);
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const organizations = me?.organizations ?? [];
  const chosen = organizations.find((org) => org.id === params.get('org')) ?? organizations[0];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        crumbs={[{ title: t('common:nav.home'), to: '/' }, { title: t('title') }]}
        extra={
          organizations.length > 1 ? (
            <Select
              value={chosen?.id}
              onChange={(org: string) => setParams({ org })}
              style={{ minWidth: 240 }}
              aria-label={t('switch')}
              options={organizations.map((org) => ({ value: org.id, label: org.name }))}
              data-testid="organization-switch"
            />
          ) : null
        }
      />
      {chosen ? (
        <OrganizationView key={chosen.id} id={chosen.id} myRole={chosen.role} />
      ) : (
        <Card>
          <EmptyState
            description={t('none')}
            action={
              <Link to="/apply">
                <Button type="primary">{t('info.apply')}</Button>
              </Link>
            }
          />
        </Card>
      )}
    </>
  );
}

/** The user's organization page. */
export function OrganizationPage() {
  return (
    <RequireAuth>
      <MyOrganization />
    </RequireAuth>
  );
}
