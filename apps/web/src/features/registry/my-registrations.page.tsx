/**
 * 我的登记: the user's data resources and data products with their registration status, the state
 * of their latest case, and what can be done next (continue editing, submit, view the case, start a
 * change registration of a registered subject).
 */
import { PlusOutlined } from '@ant-design/icons';
import type { SubjectKind } from '@shuliu/core';
import { App, Button, Card, Popconfirm, Space, Table, Tabs, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useNotifyError } from '../../app/api-errors';
import { RequireAuth } from '../../app/auth';
import { PageHeader } from '../../ui/page-header';
import { EmptyState, QueryError } from '../../ui/query-state';
import { CaseStateTag, GradeTag } from '../../ui/registration-tags';
import {
  useDeleteDraft,
  useMyCases,
  useMyProducts,
  useMyResources,
  useSubmitRegistration,
  type ProductRecord,
  type RegistrationCaseSummary,
  type ResourceRecord,
} from './api';
import { canStartChange, latestCaseBySubject } from './cases';
import { formatTime } from './format';
import { ProductListingAction } from './listing-action';
import { SubjectStatusTag } from './status';
import { isEditable } from './subject-guard';

type Row = ResourceRecord | ProductRecord;

const PATHS: Record<SubjectKind, string> = { resource: 'resources', product: 'products' };

type SubjectList = ReturnType<typeof useMyResources> | ReturnType<typeof useMyProducts>;

function SubjectTable({
  kind,
  list,
  cases,
}: {
  kind: SubjectKind;
  list: SubjectList;
  cases: Map<string, RegistrationCaseSummary>;
}) {
  const { t } = useTranslation(['registry', 'common']);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const submit = useSubmitRegistration();
  const remove = useDeleteDraft(kind);
  const pages: { items: Row[] }[] = list.data?.pages ?? [];
  const items = pages.flatMap((page) => page.items);
  const editPath = (id: string) => `/registry/${PATHS[kind]}/${id}/edit`;
  const newPath = `/registry/${PATHS[kind]}/new`;
  const newLabel = kind === 'resource' ? t('list.newResource') : t('list.newProduct');

  const columns: TableProps<Row>['columns'] = [
    {
      title: t('list.name'),
      dataIndex: 'name',
      render: (name: string, row) => {
        const latest = cases.get(row.id);
        const to = isEditable(row.status, latest)
          ? editPath(row.id)
          : latest
            ? `/registry/cases/${latest.id}`
            : editPath(row.id);
        return <Link to={to}>{name || t('list.untitled')}</Link>;
      },
    },
    {
      title: t('fields.grade'),
      key: 'grade',
      render: (_: unknown, row) => {
        const grade = row.grade ?? row.description.grade;
        return grade ? (
          <GradeTag grade={grade} personalInformation={row.description.personalInformation} />
        ) : (
          '—'
        );
      },
    },
    {
      title: t('common:fields.status'),
      dataIndex: 'status',
      render: (_: unknown, row) => <SubjectStatusTag status={row.status} />,
    },
    {
      title: t('list.latestCase'),
      key: 'case',
      render: (_: unknown, row) => {
        const latest = cases.get(row.id);
        return latest ? (
          <Space size={4}>
            <CaseStateTag state={latest.state} />
            <Link to={`/registry/cases/${latest.id}`} className="mono">
              {latest.number}
            </Link>
          </Space>
        ) : (
          '—'
        );
      },
    },
    { title: t('common:fields.updatedAt'), dataIndex: 'updatedAt', render: (at: string) => formatTime(at) },
    {
      title: t('common:fields.actions'),
      key: 'actions',
      render: (_: unknown, row) => {
        const latest = cases.get(row.id);
        return (
          <Space wrap>
            {isEditable(row.status, latest) ? (
              <Link to={editPath(row.id)} data-testid={`edit-${row.id}`}>
                {latest?.state === 'returned' ? t('list.correct') : t('list.continue')}
              </Link>
            ) : null}
            {row.status === 'draft' && !latest ? (
              <Popconfirm
                title={t('list.submitConfirm')}
                onConfirm={() =>
                  submit.mutate(
                    { kind, id: row.id },
                    {
                      onSuccess: (c) => void message.success(t('wizard.submitted', { number: c.number })),
                      onError: notifyError,
                    },
                  )
                }
              >
                <Button type="link" size="small" style={{ padding: 0 }} data-testid={`submit-${row.id}`}>
                  {t('list.submit')}
                </Button>
              </Popconfirm>
            ) : null}
            {canStartChange(row.status, latest) ? (
              <Link to={`${editPath(row.id)}?case=change`} data-testid="start-change">
                {t('change.start')}
              </Link>
            ) : null}
            {latest ? <Link to={`/registry/cases/${latest.id}`}>{t('list.viewCase')}</Link> : null}
            {'listingStatus' in row ? <ProductListingAction product={row} /> : null}
            {row.status === 'draft' && !latest ? (
              <Popconfirm
                title={t('list.deleteConfirm')}
                onConfirm={() => remove.mutate(row.id, { onError: notifyError })}
              >
                <Button type="link" size="small" danger style={{ padding: 0 }}>
                  {t('common:actions.delete')}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        );
      },
    },
  ];

  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <Table<Row>
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={list.isPending}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid={`my-${PATHS[kind]}`}
        locale={{
          emptyText: (
            <EmptyState
              description={kind === 'resource' ? t('list.emptyResources') : t('list.emptyProducts')}
              action={
                <Link to={newPath}>
                  <Button type="primary">{newLabel}</Button>
                </Link>
              }
            />
          ),
        }}
      />
      {list.hasNextPage ? (
        <div className="load-more">
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common:actions.loadMore')}
          </Button>
        </div>
      ) : null}
    </>
  );
}

function ResourceTable({ cases }: { cases: Map<string, RegistrationCaseSummary> }) {
  return <SubjectTable kind="resource" list={useMyResources()} cases={cases} />;
}

function ProductTable({ cases }: { cases: Map<string, RegistrationCaseSummary> }) {
  return <SubjectTable kind="product" list={useMyProducts()} cases={cases} />;
}

function MyRegistrations() {
  const { t } = useTranslation(['registry', 'common']);
  const [params, setParams] = useSearchParams();
  const tab: SubjectKind = params.get('tab') === 'product' ? 'product' : 'resource';
  const casesQuery = useMyCases();
  const cases = latestCaseBySubject(casesQuery.data?.pages.flatMap((page) => page.items) ?? []);
  return (
    <>
      <PageHeader
        title={t('list.title')}
        subtitle={t('list.subtitle')}
        crumbs={[{ title: t('common:nav.home'), to: '/' }, { title: t('list.title') }]}
        extra={
          <>
            <Link to="/registry/resources/new" data-testid="new-resource">
              <Button type="primary" icon={<PlusOutlined />}>
                {t('list.newResource')}
              </Button>
            </Link>
            <Link to="/registry/products/new" data-testid="new-product">
              <Button icon={<PlusOutlined />}>{t('list.newProduct')}</Button>
            </Link>
          </>
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'product' ? { tab: 'product' } : {}, { replace: true })}
          items={[
            {
              key: 'resource',
              label: t('list.resources'),
              children: <ResourceTable cases={cases} />,
            },
            {
              key: 'product',
              label: t('list.products'),
              children: <ProductTable cases={cases} />,
            },
          ]}
        />
      </Card>
    </>
  );
}

/** The user's registrations. */
export function MyRegistrationsPage() {
  return (
    <RequireAuth>
      <MyRegistrations />
    </RequireAuth>
  );
}
