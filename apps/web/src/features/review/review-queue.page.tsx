/**
 * 审核工作台: the exchange's queue of registration applications. State, role and a name or credit-code
 * search are sent to the server, which filters every application and counts the matches.
 */
import {
  APPLICATION_STATES,
  PARTICIPANT_ROLES,
  type ApplicationState,
  type ParticipantRole,
} from '@shuliu/core';
import { Badge, Button, Card, Flex, Input, Segmented, Select, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { EXCHANGE_STAFF, RequireAuth } from '../../app/auth';
import { PageHeader } from '../../ui/page-header';
import { EmptyState, QueryError } from '../../ui/query-state';
import { ApplicationStateTag, RoleTags } from '../../ui/status-tag';
import type { ApplicationListItem } from '../applications/api';
import { formatTime } from '../applications/application-timeline';
import { useReviewQueue } from './api';
import { useDebouncedValue } from './use-debounced-value';

/** How long typing must pause before the search is sent. */
const SEARCH_DELAY_MS = 300;
/** The longest search the server accepts. */
const MAX_SEARCH_LENGTH = 100;

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
  const q = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const list = useReviewQueue({ state: state === 'all' ? undefined : state, role, q: q || undefined });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  // The newest page's count is the freshest.
  const total = list.data?.pages.at(-1)?.total ?? 0;

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
              value={search}
              maxLength={MAX_SEARCH_LENGTH}
              onChange={(event) => setSearch(event.target.value)}
              loading={list.isFetching && list.isPlaceholderData}
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
                text={
                  list.hasNextPage
                    ? t('queue.totalLoaded', { total, loaded: items.length })
                    : t('queue.total', { total })
                }
                data-testid="queue-total"
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
