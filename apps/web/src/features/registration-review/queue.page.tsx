/**
 * 登记审查工作台: the exchange's queue of registration cases, filtered by state, subject kind, case
 * type and a search over number and subject name. The server filters and counts.
 */
import {
  CASE_STATES,
  CASE_TYPES,
  SUBJECT_KINDS,
  type CaseState,
  type CaseType,
  type SubjectKind,
} from '@shuliu/core';
import { Badge, Button, Card, Flex, Input, Select, Table, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { EXCHANGE_STAFF, RequireAuth } from '../../app/auth';
import { PageHeader } from '../../ui/page-header';
import { EmptyState, QueryError } from '../../ui/query-state';
import { CaseStateTag } from '../../ui/registration-tags';
import { formatTime } from '../applications/application-timeline';
import { useDebouncedValue } from '../review/use-debounced-value';
import { useCaseQueue } from './api';
import type { CaseListItem } from './types';
import '../../ui/registration.css';

function oneOf<T extends string>(list: readonly T[], value: string | null): T | undefined {
  return list.find((item) => item === value);
}

function Queue() {
  const { t } = useTranslation(['registrationReview', 'vocab', 'common']);
  const [params, setParams] = useSearchParams();
  const state = oneOf(CASE_STATES, params.get('state'));
  const subjectKind = oneOf(SUBJECT_KINDS, params.get('kind'));
  const caseType = oneOf(CASE_TYPES, params.get('type'));
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const list = useCaseQueue({ state, subjectKind, caseType, q: q || undefined });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages.at(-1)?.total ?? 0;

  const update = (key: 'state' | 'kind' | 'type', value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };

  const columns: TableProps<CaseListItem>['columns'] = [
    {
      title: t('queue.number'),
      dataIndex: 'number',
      render: (n: string) => <span className="mono">{n}</span>,
    },
    {
      title: t('queue.subject'),
      dataIndex: 'subjectName',
      render: (name: string, row) => (
        <Link to={`/registration-review/${row.id}`} data-testid={`case-link-${row.id}`}>
          {name}
        </Link>
      ),
    },
    {
      title: t('queue.kind'),
      dataIndex: 'subjectKind',
      render: (_: unknown, row) => <Tag>{t(`vocab:subjectKinds.${row.subjectKind}`)}</Tag>,
    },
    {
      title: t('queue.type'),
      dataIndex: 'caseType',
      render: (_: unknown, row) => t(`vocab:caseTypes.${row.caseType}`),
    },
    {
      title: t('queue.publicityEnds'),
      dataIndex: 'publicityEndsAt',
      render: (at: string | null) => formatTime(at),
      width: 150,
    },
    {
      title: t('common:fields.status'),
      dataIndex: 'state',
      render: (value: CaseState) => <CaseStateTag state={value} />,
    },
    {
      title: t('queue.submittedAt'),
      dataIndex: 'submittedAt',
      render: (at: string | null) => formatTime(at),
      width: 150,
    },
    {
      title: t('common:fields.updatedAt'),
      dataIndex: 'updatedAt',
      render: (at: string) => formatTime(at),
      width: 150,
    },
  ];

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
        <Flex gap={12} wrap className="toolbar">
          <Input.Search
            allowClear
            placeholder={t('queue.searchPlaceholder')}
            value={search}
            maxLength={100}
            onChange={(event) => setSearch(event.target.value)}
            style={{ width: 280 }}
            aria-label={t('queue.searchPlaceholder')}
            data-testid="case-queue-search"
          />
          <Select<CaseState>
            allowClear
            value={state}
            placeholder={t('queue.allStates')}
            onChange={(value) => update('state', value)}
            style={{ width: 160 }}
            options={CASE_STATES.map((value) => ({ value, label: t(`vocab:caseStates.${value}`) }))}
            aria-label={t('queue.stateFilter')}
            data-testid="case-queue-state"
          />
          <Select<SubjectKind>
            allowClear
            value={subjectKind}
            placeholder={t('queue.allKinds')}
            onChange={(value) => update('kind', value)}
            style={{ width: 140 }}
            options={SUBJECT_KINDS.map((value) => ({ value, label: t(`vocab:subjectKinds.${value}`) }))}
            aria-label={t('queue.kindFilter')}
            data-testid="case-queue-kind"
          />
          <Select<CaseType>
            allowClear
            value={caseType}
            placeholder={t('queue.allTypes')}
            onChange={(value) => update('type', value)}
            style={{ width: 150 }}
            options={CASE_TYPES.map((value) => ({ value, label: t(`vocab:caseTypes.${value}`) }))}
            aria-label={t('queue.typeFilter')}
            data-testid="case-queue-type"
          />
        </Flex>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<CaseListItem>
            rowKey="id"
            columns={columns}
            dataSource={items}
            loading={list.isPending}
            pagination={false}
            scroll={{ x: 1000 }}
            data-testid="case-queue"
            title={() => (
              <Badge
                color="#1f4e9c"
                text={
                  list.hasNextPage
                    ? t('queue.totalLoaded', { total, loaded: items.length })
                    : t('queue.total', { total })
                }
                data-testid="case-queue-total"
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

/** The registration case queue (exchange staff). */
export function RegistrationQueuePage() {
  return (
    <RequireAuth roles={EXCHANGE_STAFF}>
      <Queue />
    </RequireAuth>
  );
}
