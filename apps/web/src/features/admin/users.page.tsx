/**
 * 用户管理: the exchange admin finds users by email or name and platform role, edits their platform
 * roles and unlocks accounts locked after repeated failed sign-ins. Filters live in the URL.
 */
import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import {
  App,
  Badge,
  Button,
  Card,
  Flex,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableProps,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useNotifyError } from '../../app/api-errors';
import { RequireAuth, useAuth } from '../../app/auth';
import { PageHeader } from '../../ui/page-header';
import { EmptyState, QueryError } from '../../ui/query-state';
import { formatTime } from '../applications/application-timeline';
import type { PlatformRole } from '../auth/api';
import { PLATFORM_ROLES, useAdminUsers, useUserMutations, type AdminUser } from './api';
import { RolesModal } from './roles-modal';

/** Who may open this page. */
const ADMINS: readonly PlatformRole[] = ['exchange_admin'];

const ROLE_COLORS: Record<PlatformRole, string> = {
  exchange_admin: 'volcano',
  exchange_reviewer: 'blue',
  regulator: 'purple',
};

function isPlatformRole(value: string | null): value is PlatformRole {
  return PLATFORM_ROLES.some((role) => role === value);
}

function PlatformRoleTags({ roles }: { roles: readonly PlatformRole[] }) {
  const { t } = useTranslation(['admin', 'vocab']);
  if (roles.length === 0) return <Typography.Text type="secondary">{t('users.noRoles')}</Typography.Text>;
  return (
    <Flex gap={4} wrap>
      {roles.map((role) => (
        <Tag key={role} color={ROLE_COLORS[role]} data-testid={`platform-role-${role}`}>
          {t(`vocab:platformRoles.${role}`)}
        </Tag>
      ))}
    </Flex>
  );
}

function UserAdministration() {
  const { t } = useTranslation(['admin', 'vocab', 'common']);
  const { me } = useAuth();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const roleParam = params.get('role');
  const role = isPlatformRole(roleParam) ? roleParam : undefined;
  const [search, setSearch] = useState(q);
  const [editing, setEditing] = useState<AdminUser | null>(null);
  const list = useAdminUsers({ q: q || undefined, role });
  const { unlock } = useUserMutations();
  const users = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;

  const applyFilter = (next: { q?: string; role?: PlatformRole }) => {
    const merged = { q, role, ...next };
    const entries: [string, string][] = [];
    if (merged.q?.trim()) entries.push(['q', merged.q.trim()]);
    if (merged.role) entries.push(['role', merged.role]);
    setParams(entries, { replace: true });
  };

  const columns: TableProps<AdminUser>['columns'] = [
    {
      title: t('users.user'),
      key: 'user',
      render: (_: unknown, row) => (
        <Flex vertical>
          <span>
            {row.displayName} {row.id === me?.id ? <Tag>{t('users.you')}</Tag> : null}
          </span>
          <Typography.Text type="secondary" className="mono">
            {row.email}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('users.organizations'),
      key: 'organizations',
      render: (_: unknown, row) =>
        row.organizations.length > 0 ? (
          <Flex gap={4} wrap>
            {row.organizations.map((org) => (
              <Tag key={org.id}>
                {t('users.organizationRole', {
                  name: org.name,
                  role: t(`vocab:organizationRoles.${org.role}`),
                })}
              </Tag>
            ))}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('common:none')}</Typography.Text>
        ),
    },
    {
      title: t('users.platformRoles'),
      dataIndex: 'platformRoles',
      render: (roles: PlatformRole[]) => <PlatformRoleTags roles={roles} />,
    },
    {
      title: t('users.status'),
      dataIndex: 'lockedUntil',
      width: 120,
      render: (lockedUntil: string | null) =>
        lockedUntil ? (
          <Tooltip title={t('users.lockedUntil', { time: formatTime(lockedUntil) })}>
            <Tag color="error" icon={<LockOutlined />} data-testid="user-locked">
              {t('users.locked')}
            </Tag>
          </Tooltip>
        ) : (
          <Tag color="success">{t('users.active')}</Tag>
        ),
    },
    {
      title: t('users.registeredAt'),
      dataIndex: 'createdAt',
      width: 150,
      render: (at: string) => formatTime(at),
    },
    {
      title: t('common:fields.actions'),
      key: 'actions',
      width: 200,
      render: (_: unknown, row) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            onClick={() => setEditing(row)}
            data-testid={`edit-roles-${row.id}`}
          >
            {t('users.editRoles')}
          </Button>
          {row.lockedUntil ? (
            <Popconfirm
              title={t('users.unlockConfirm', { name: row.displayName })}
              okText={t('common:actions.confirm')}
              cancelText={t('common:actions.cancel')}
              onConfirm={() =>
                unlock.mutate(row.id, {
                  onSuccess: () => void message.success(t('users.unlocked', { name: row.displayName })),
                  onError: notifyError,
                })
              }
            >
              <Button type="link" size="small" icon={<UnlockOutlined />} data-testid={`unlock-${row.id}`}>
                {t('users.unlock')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        crumbs={[{ title: t('common:nav.home'), to: '/' }, { title: t('users.title') }]}
        extra={
          <Button onClick={() => void list.refetch()} loading={list.isRefetching}>
            {t('common:actions.refresh')}
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap className="toolbar">
          <Input.Search
            allowClear
            value={search}
            placeholder={t('users.searchPlaceholder')}
            enterButton={t('common:actions.search')}
            onChange={(event) => {
              setSearch(event.target.value);
              // Clearing the box shows everyone again without another click.
              if (event.target.value === '') applyFilter({ q: '' });
            }}
            onSearch={(value) => applyFilter({ q: value })}
            style={{ width: 340 }}
            aria-label={t('users.searchPlaceholder')}
            data-testid="users-search"
          />
          <Select<PlatformRole>
            allowClear
            placeholder={t('users.rolePlaceholder')}
            value={role}
            onChange={(value) => applyFilter({ role: value })}
            style={{ width: 200 }}
            options={PLATFORM_ROLES.map((value) => ({ value, label: t(`vocab:platformRoles.${value}`) }))}
            aria-label={t('users.rolePlaceholder')}
            data-testid="users-role-filter"
          />
        </Flex>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<AdminUser>
            rowKey="id"
            columns={columns}
            dataSource={users}
            loading={list.isPending}
            pagination={false}
            scroll={{ x: 960 }}
            data-testid="users-table"
            title={() => <Badge color="#1f4e9c" text={t('users.count', { total, loaded: users.length })} />}
            locale={{ emptyText: <EmptyState description={t('users.empty')} /> }}
          />
        )}
        {list.hasNextPage ? (
          <div className="load-more">
            <Button
              onClick={() => void list.fetchNextPage()}
              loading={list.isFetchingNextPage}
              data-testid="users-load-more"
            >
              {t('common:actions.loadMore')}
            </Button>
          </div>
        ) : null}
      </Card>
      {editing ? (
        <RolesModal
          key={editing.id}
          user={editing}
          isSelf={editing.id === me?.id}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}

/** User administration (exchange admins only). */
export function UsersAdminPage() {
  return (
    <RequireAuth roles={ADMINS}>
      <UserAdministration />
    </RequireAuth>
  );
}
