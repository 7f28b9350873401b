/**
 * 登记公示: the public notice board of registrations in publicity — number, subject, holder, rights
 * and the window with its countdown. A row opens the details with the objection form; the open
 * notice is kept in the URL (`?case=`) so signing in brings the objector back to it.
 */
import { SUBJECT_KINDS, type SubjectKind } from '@shuliu/core';
import { Button, Card, Flex, Segmented, Table, Tag, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../ui/page-header';
import { EmptyState, QueryError } from '../../ui/query-state';
import { RightsTags } from '../../ui/registration-tags';
import type { Notice } from '../registration-review/types';
import { useNotices } from './api';
import { NoticeDrawer } from './notice-drawer';
import { PublicityCountdown } from './publicity-countdown';
import '../../ui/registration.css';

/** The notice board. */
export function NoticesPage() {
  const { t } = useTranslation(['notices', 'vocab', 'common']);
  const [params, setParams] = useSearchParams();
  const kind = SUBJECT_KINDS.find((k) => k === params.get('kind'));
  const openId = params.get('case');
  const list = useNotices(kind);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const open = items.find((item) => item.caseId === openId) ?? null;

  const update = (next: { kind?: SubjectKind | 'all'; case?: string | null }) => {
    const search = new URLSearchParams(params);
    if (next.kind !== undefined) {
      if (next.kind !== 'all') search.set('kind', next.kind);
      else search.delete('kind');
    }
    if (next.case !== undefined) {
      if (next.case) search.set('case', next.case);
      else search.delete('case');
    }
    setParams(search);
  };

  const columns: TableProps<Notice>['columns'] = [
    {
      title: t('fields.number'),
      className: 'nowrap',
      dataIndex: 'number',
      render: (n: string) => <span className="mono">{n}</span>,
    },
    {
      title: t('fields.subject'),
      dataIndex: 'subjectName',
      render: (name: string, row) => (
        <Button
          type="link"
          style={{ padding: 0 }}
          onClick={() => update({ case: row.caseId })}
          data-testid={`notice-${row.caseId}`}
        >
          {name}
        </Button>
      ),
    },
    {
      title: t('fields.kind'),
      className: 'nowrap',
      key: 'kind',
      render: (_: unknown, row) => (
        <>
          <Tag>{t(`vocab:subjectKinds.${row.subjectKind}`)}</Tag>
          {t(`vocab:caseTypes.${row.caseType}`)}
        </>
      ),
    },
    {
      title: t('fields.holder'),
      dataIndex: 'holderName',
      width: 200,
      render: (name: string | null) => name ?? '—',
    },
    {
      title: t('fields.rights'),
      key: 'rights',
      render: (_: unknown, row) => <RightsTags rights={row.rights} />,
    },
    {
      title: t('fields.window'),
      key: 'window',
      width: 220,
      render: (_: unknown, row) => (
        <PublicityCountdown startedAt={row.publicityStartedAt} endsAt={row.publicityEndsAt} />
      ),
    },
    {
      title: t('common:fields.actions'),
      key: 'actions',
      render: (_: unknown, row) => (
        <Button
          size="small"
          onClick={() => update({ case: row.caseId })}
          data-testid={`notice-object-${row.caseId}`}
        >
          {t('objection.open')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        crumbs={[{ title: t('common:nav.home'), to: '/' }, { title: t('title') }]}
      />
      <Card>
        <Flex gap={12} wrap className="toolbar">
          <Segmented<SubjectKind | 'all'>
            value={kind ?? 'all'}
            onChange={(value) => update({ kind: value })}
            options={[
              { value: 'all', label: t('allKinds') },
              ...SUBJECT_KINDS.map((value) => ({ value, label: t(`vocab:subjectKinds.${value}`) })),
            ]}
            aria-label={t('kindFilter')}
            data-testid="notice-kind-filter"
          />
        </Flex>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Notice>
            rowKey="caseId"
            columns={columns}
            dataSource={items}
            loading={list.isPending}
            pagination={false}
            scroll={{ x: 1200 }}
            data-testid="notice-table"
            title={() => t('total', { total: list.data?.pages[0]?.total ?? 0 })}
            locale={{ emptyText: <EmptyState description={t('empty')} /> }}
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
      <NoticeDrawer notice={open} onClose={() => update({ case: null })} />
    </>
  );
}
