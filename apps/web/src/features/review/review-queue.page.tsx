/** 审核工作台: the exchange's queue of registration applications, filtered by state, name and role. */
import {
  APPLICATION_STATES,
  PARTICIPANT_ROLES,
  type ApplicationState,
  type ParticipantRole,
} from '@shuliu/core';
import { Badge, Button, Card, Flex, Input, Segmented, Select, Table, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { EXCHANGE_STAFF, RequireAuth } from '../../app/auth';
import { PageHeader } from '../../ui/page-header';
import { EmptyState, QueryError } from '../../ui/query-state';
import { ApplicationStateTag, RoleTags } from '../../ui/status-tag';
import { useApplications, type ApplicationListItem } from '../applications/api';
import { formatTime } from '../applications/application-timeline';

type StateFilter = ApplicationState | 'all';

function isStateFilter(value: string | null): value is StateFilter {
  return value === 'all' || APPLICATION_STATES.some((state) => state === value);
}

function ReviewQueue() {
  const { t } = useTranslation(['review', 'applications', 'vocab', 'common']);
  const [params, setParams] = useSearchParams();
  const stateParam = params.get('state');
  const state: StateFilter = isStateFilter(stateParam) ? stateParam : 'submitted';
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<ParticipantRole | undefined>();
  const list = useApplications('queue', state === 'all' ? undefined : state);
  const all = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const items = useMemo(() => {
    const needle = search.trim().toUpperCase();
    return all.filter(
      (item) =>
        (!needle || item.name.toUpperCase().includes(needle) || item.creditCode.includes(needle)) &&
        (!role || item.roles.includes(role)),
    );
  }, [all, search, role]);

  const columns: TableProps<ApplicationListItem>['columns'] = [
    {
      title: t('queue.submittedAt'),
      dataIndex: 'createdAt',
      render: (at: string) => formatTime(at),
      width: 150,
    },
    {
      title: t('applications:fields.name'),
      dataIndex: 'name',
      render: (name: string, row) => <Link to={`/review/${row.id}`}>{name}</Link>,
    },
    {
      title: t('applications:fields.creditCode'),
      dataIndex: 'creditCode',
      render: (code: string) => <span className="mono">{code}</span>,
    },
    {
      title: t('applications:fields.entityType'),
      dataIndex: 'entityType',
      render: (_: unknown, row) => t(`vocab:entityTypes.${row.entityType}`),
    },
    {
      title: t('applications:fields.roles'),
      key: 'roles',
      render: (_: unknown, row) => <RoleTags roles={row.roles} />,
    },
    {
      title: t('common:fields.status'),
      dataIndex: 'state',
      render: (value: ApplicationState) => <ApplicationStateTag state={value} />,
    },
    {
      title: t('common:fields.updatedAt'),
      dataIndex: 'updatedAt',
      render: (at: string) => formatTime(at),
      width: 150,
    },
    {
      title: t('common:fields.actions'),
      key: 'actions',
      render: (_: unknown, row) => (
        <Link to={`/review/${row.id}`} data-testid={`review-${row.id}`}>
          {row.state === 'submitted' ? t('queue.review') : t('common:actions.view')}
        </Link>
      ),
    },
  ];

  const stateOptions = [...APPLICATION_STATES, 'all' as const].map((value) => ({
    value,
    label: value === 'all' ? t('queue.allStates') : t(`vocab:applicationStates.${value}`),
  }));

  return (
    <>
      <PageHeader
        title={t('queue.title')}
        subtitle={t('queue.subtitle')}
        crumbs={[{ title: t('common:nav.home'), to: '/' }, { title: t('queue.title') }]}
        extra={
          <Button onClick={() => void list.refetch()} loading={list.isRefetching}>
            {t('common:actions.refresh')}
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap justify="space-between" className="toolbar">
          <Segmented<StateFilter>
            value={state}
            options={stateOptions}
            onChange={(value) => setParams(value === 'submitted' ? {} : { state: value })}
            data-testid="queue-state-filter"
          />
          <Flex gap={12} wrap>
            <Input.Search
              allowClear
              placeholder={t('queue.searchPlaceholder')}
              onSearch={setSearch}
              onChange={(event) => setSearch(event.target.value)}
              style={{ width: 280 }}
              aria-label={t('queue.searchPlaceholder')}
              data-testid="queue-search"
            />
            <Select<ParticipantRole>
              allowClear
              placeholder={t('queue.rolePlaceholder')}
              value={role}
              onChange={setRole}
              style={{ width: 180 }}
              options={PARTICIPANT_ROLES.map((value) => ({ value, label: t(`vocab:roles.${value}`) }))}
              aria-label={t('queue.rolePlaceholder')}
              data-testid="queue-role-filter"
            />
          </Flex>
        </Flex>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<ApplicationListItem>
            rowKey="id"
            columns={columns}
            dataSource={items}
            loading={list.isPending}
            pagination={false}
            data-testid="review-queue"
            title={() => (
              <Badge
                color="#1f4e9c"
                text={t('queue.count', {
                  shown: items.length,
                  loaded: all.length,
                  more: list.hasNextPage ? '+' : '',
                })}
              />
            )}
            locale={{ emptyText: <EmptyState description={t('queue.empty')} /> }}
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

/** The review queue (exchange staff). */
export function ReviewQueuePage() {
  return (
    <RequireAuth roles={EXCHANGE_STAFF}>
      <ReviewQueue />
    </RequireAuth>
  );
}
