/** 我的申请: the registration applications of the user's organizations. */
import { PlusOutlined } from '@ant-design/icons';
import type { ApplicationState } from '@shuliu/core';
import { Button, Card, Space, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireAuth } from '../../app/auth';
import { PageHeader } from '../../ui/page-header';
import { EmptyState, QueryError } from '../../ui/query-state';
import { ApplicationStateTag, RoleTags } from '../../ui/status-tag';
import { useApplications, type ApplicationListItem } from './api';
import { formatTime } from './application-timeline';

function MyApplications() {
  const { t } = useTranslation(['applications', 'common']);
  const list = useApplications('mine');
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: TableProps<ApplicationListItem>['columns'] = [
    {
      title: t('fields.name'),
      dataIndex: 'name',
      render: (name: string, row) => <Link to={`/applications/${row.id}`}>{name}</Link>,
    },
    {
      title: t('fields.creditCode'),
      dataIndex: 'creditCode',
      render: (code: string) => <span className="mono">{code}</span>,
    },
    {
      title: t('fields.roles'),
      dataIndex: 'roles',
      render: (_: unknown, row) => <RoleTags roles={row.roles} />,
    },
    {
      title: t('common:fields.status'),
      dataIndex: 'state',
      render: (state: ApplicationState) => <ApplicationStateTag state={state} />,
    },
    { title: t('common:fields.updatedAt'), dataIndex: 'updatedAt', render: (at: string) => formatTime(at) },
    {
      title: t('common:fields.actions'),
      key: 'actions',
      render: (_: unknown, row) => (
        <Space>
          <Link to={`/applications/${row.id}`}>{t('common:actions.view')}</Link>
          {row.state === 'returned' ? (
            <Link to={`/applications/${row.id}/edit`} data-testid={`edit-${row.id}`}>
              {t('list.correct')}
            </Link>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('list.title')}
        subtitle={t('list.subtitle')}
        crumbs={[{ title: t('common:nav.home'), to: '/' }, { title: t('list.title') }]}
        extra={
          <Link to="/apply">
            <Button type="primary" icon={<PlusOutlined />}>
              {t('list.new')}
            </Button>
          </Link>
        }
      />
      <Card>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<ApplicationListItem>
            rowKey="id"
            columns={columns}
            dataSource={items}
            loading={list.isPending}
            pagination={false}
            data-testid="my-applications"
            locale={{
              emptyText: (
                <EmptyState
                  description={t('list.empty')}
                  action={
                    <Link to="/apply">
                      <Button type="primary">{t('list.new')}</Button>
                    </Link>
                  }
                />
              ),
            }}
          />
        )}
        {list.hasNextPage ? (
          <div className="load-more">
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common:actions.loadMore')}
            </Button>
          </div>
        ) : null}
      </Card>
    </>
  );
}

/** The user's applications. */
export function MyApplicationsPage() {
  return (
    <RequireAuth>
      <MyApplications />
    </RequireAuth>
  );
}
