/**
 * 参与主体名录: the public directory of registered participants, searchable by name or credit code
 * and filterable by role. Personal data arrives masked from the server.
 */
import { PARTICIPANT_ROLES, provinceOf, type ParticipantRole, type ParticipantState } from '@shuliu/core';
import { Button, Card, Flex, Input, Select, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { currentLanguage } from '../../app/i18n';
import { PageHeader } from '../../ui/page-header';
import { EmptyState, QueryError } from '../../ui/query-state';
import { ParticipantStateTag, RoleTags } from '../../ui/status-tag';
import { formatTime } from '../applications/application-timeline';
import { useParticipantDirectory, type ParticipantSummary } from './api';

function isRole(value: string | null): value is ParticipantRole {
  return PARTICIPANT_ROLES.some((role) => role === value);
}

/** The public directory. */
export function DirectoryPage() {
  const { t } = useTranslation(['participants', 'applications', 'vocab', 'common']);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const roleParam = params.get('role');
  const role = isRole(roleParam) ? roleParam : undefined;
  const directory = useParticipantDirectory({ q: q || undefined, role });
  const items = directory.data?.pages.flatMap((page) => page.items) ?? [];
  const lang = currentLanguage() === 'en' ? 'en' : 'zh';

  const update = (next: { q?: string; role?: ParticipantRole }) => {
    const merged = { q, role, ...next };
    const search: Record<string, string> = {};
    if (merged.q) search.q = merged.q;
    if (merged.role) search.role = merged.role;
    setParams(search);
  };

  const columns: TableProps<ParticipantSummary>['columns'] = [
    {
      title: t('applications:fields.name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Link to={`/participants/${row.id}`} data-testid={`participant-${row.id}`}>
          {name}
        </Link>
      ),
    },
    {
      title: t('applications:fields.creditCode'),
      dataIndex: 'creditCode',
      render: (code: string) => <span className="mono">{code}</span>,
    },
    {
      title: t('fields.roles'),
      key: 'roles',
      render: (_: unknown, row) => <RoleTags roles={row.roles} />,
    },
    {
      title: t('fields.region'),
      dataIndex: 'divisionCode',
      className: 'nowrap',
      render: (code: string) => provinceOf(code)?.[lang] ?? code,
    },
    { title: t('fields.legalRepresentative'), dataIndex: 'legalRepresentative', className: 'nowrap' },
    {
      title: t('fields.credentialNumber'),
      dataIndex: 'credentialNumber',
      render: (number: string) => <span className="mono">{number}</span>,
    },
    {
      title: t('common:fields.status'),
      dataIndex: 'status',
      className: 'nowrap',
      render: (status: ParticipantState) => <ParticipantStateTag state={status} />,
    },
    {
      title: t('fields.registeredAt'),
      dataIndex: 'registeredAt',
      render: (at: string) => formatTime(at).slice(0, 10),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('directory.title')}
        subtitle={t('directory.subtitle')}
        crumbs={[{ title: t('common:nav.home'), to: '/' }, { title: t('directory.title') }]}
      />
      <Card>
        <Flex gap={12} wrap className="toolbar">
          <Input.Search
            key={q}
            defaultValue={q}
            allowClear
            enterButton={t('common:actions.search')}
            placeholder={t('directory.searchPlaceholder')}
            onSearch={(value) => update({ q: value.trim() || undefined })}
            style={{ maxWidth: 420 }}
            aria-label={t('directory.searchPlaceholder')}
            data-testid="directory-search"
          />
          <Select<ParticipantRole>
            allowClear
            value={role}
            placeholder={t('directory.allRoles')}
            onChange={(value) => update({ role: value })}
            style={{ width: 200 }}
            options={PARTICIPANT_ROLES.map((value) => ({ value, label: t(`vocab:roles.${value}`) }))}
            aria-label={t('directory.roleFilter')}
            data-testid="directory-role-filter"
          />
        </Flex>
        {directory.isError ? (
          <QueryError error={directory.error} onRetry={() => void directory.refetch()} />
        ) : (
          <Table<ParticipantSummary>
            rowKey="id"
            columns={columns}
            dataSource={items}
            loading={directory.isPending}
            pagination={false}
            scroll={{ x: 960 }}
            data-testid="participant-directory"
            title={() => t('directory.total', { total: directory.data?.pages[0]?.total ?? 0 })}
            locale={{
              emptyText: (
                <EmptyState description={q || role ? t('directory.noMatch') : t('directory.empty')} />
              ),
            }}
          />
        )}
        {directory.hasNextPage ? (
          <div className="load-more">
            <Button onClick={() => void directory.fetchNextPage()} loading={directory.isFetchingNextPage}>
              {t('common:actions.loadMore')}
            </Button>
          </div>
        ) : null}
      </Card>
    </>
  );
}
