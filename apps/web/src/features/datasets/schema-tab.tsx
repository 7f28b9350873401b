/**
 * 结构: the columns of a version with their logical and storage types, null share, distinct count
 * and range, taken from the profile; columns with personal information are marked.
 */
import type { ColumnProfile, DatasetColumn } from '@shuliu/core';
import { Table, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { KindTag } from './dataset-tags';
import { formatCount, formatShare } from './format';
import { kindByColumn } from './masking-plan';
import type { VersionDetail } from './types';

interface Row {
  column: DatasetColumn;
  profile?: ColumnProfile;
}

/** The schema table of a ready version. */
export function SchemaTab({ version }: { version: VersionDetail }) {
  const { t } = useTranslation('datasets');
  const profiles = new Map((version.profile?.columns ?? []).map((c) => [c.name, c]));
  const kinds = kindByColumn(version.personalInfo);
  const rows: Row[] = (version.columns ?? []).map((column) => ({
    column,
    profile: profiles.get(column.name),
  }));
  const value = (text: string | null | undefined) =>
    text === null || text === undefined ? (
      '—'
    ) : (
      <Typography.Text ellipsis={{ tooltip: text }} style={{ maxWidth: 180 }}>
        {text}
      </Typography.Text>
    );

  const columns: TableProps<Row>['columns'] = [
    {
      title: t('schema.name'),
      key: 'name',
      render: (_: unknown, row) => {
        const kind = kinds.get(row.column.name);
        return (
          <span>
            <Typography.Text strong>{row.column.name}</Typography.Text>{' '}
            {kind ? <KindTag kind={kind} /> : null}
          </span>
        );
      },
    },
    {
      title: t('schema.type'),
      key: 'type',
      width: 110,
      render: (_: unknown, row) => <Tag color="blue">{t(`types.${row.column.type}`)}</Tag>,
    },
    {
      title: t('schema.physicalType'),
      key: 'physical',
      width: 130,
      render: (_: unknown, row) => <span className="mono">{row.column.physicalType}</span>,
    },
    {
      title: t('schema.nulls'),
      key: 'nulls',
      width: 100,
      align: 'right',
      render: (_: unknown, row) =>
        row.profile && row.profile.count > 0 ? formatShare(row.profile.nullCount / row.profile.count) : '—',
    },
    {
      title: t('schema.distinct'),
      key: 'distinct',
      width: 130,
      align: 'right',
      render: (_: unknown, row) => formatCount(row.profile?.distinctEstimate),
    },
    { title: t('schema.min'), key: 'min', render: (_: unknown, row) => value(row.profile?.min) },
    { title: t('schema.max'), key: 'max', render: (_: unknown, row) => value(row.profile?.max) },
  ];

  return (
    <>
      {version.profile ? (
        <Typography.Paragraph type="secondary">
          {t('schema.summary', {
            columns: version.profile.columnCount,
            rows: formatCount(version.profile.rowCount),
            duplicates: formatShare(version.profile.duplicateRowShare),
          })}
        </Typography.Paragraph>
      ) : null}
      <Table<Row>
        rowKey={(row) => row.column.name}
        size="middle"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid="schema-table"
      />
    </>
  );
}
