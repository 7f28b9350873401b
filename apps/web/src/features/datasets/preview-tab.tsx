/**
 * 预览: the version's rows, paged by the server, sorted by clicking a column header, filtered with a
 * small filter bar (column, condition, value → chips). Masked columns are marked; members can export
 * every matching row as CSV or NDJSON.
 */
import { DownloadOutlined, FilterOutlined, PlusOutlined } from '@ant-design/icons';
import type { ColumnType, DatasetColumn, FilterOperator } from '@shuliu/core';
import {
  Alert,
  Button,
  Flex,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableProps,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/api-errors';
import { exportUrl, useRows } from './api';
import { formatCount } from './format';
import {
  addChip,
  chipKey,
  needsValue,
  offsetOf,
  operatorsFor,
  sortFromTable,
  toFiltersParam,
  toSortParam,
  type ColumnSort,
  type FilterChip,
} from './row-query';
import type { Cell, DatasetRecord, VersionDetail } from './types';

const PAGE_SIZES = [20, 50, 100, 200];

interface Row {
  key: number;
  cells: Cell[];
}

/** One cell as text: null shown as a grey 空, long text cut with a tooltip. */
export function CellView({ value }: { value: Cell }) {
  const { t } = useTranslation('datasets');
  if (value === null) return <span className="cell-null">{t('preview.null')}</span>;
  const text = String(value);
  if (text.length <= 40) return <>{text}</>;
  return (
    <Typography.Text ellipsis={{ tooltip: text }} style={{ maxWidth: 280 }}>
      {text}
    </Typography.Text>
  );
}

function FilterBar({
  columns,
  chips,
  onChange,
}: {
  columns: DatasetColumn[];
  chips: FilterChip[];
  onChange: (chips: FilterChip[]) => void;
}) {
  const { t } = useTranslation('datasets');
  const [column, setColumn] = useState<string | undefined>(undefined);
  const [op, setOp] = useState<FilterOperator>('eq');
  const [value, setValue] = useState('');
  const type: ColumnType = columns.find((c) => c.name === column)?.type ?? 'string';
  const operators = operatorsFor(type);
  const canAdd = column !== undefined && (!needsValue(op) || value.trim() !== '');

  const add = () => {
    if (!column || !canAdd) return;
    onChange(addChip(chips, needsValue(op) ? { column, op, value } : { column, op }));
    setValue('');
  };

  return (
    <Flex vertical gap={8} className="filter-bar" data-testid="filter-bar">
      <Space.Compact style={{ width: '100%', maxWidth: 760 }}>
        <Select
          placeholder={t('preview.column')}
          value={column}
          onChange={(next: string) => {
            setColumn(next);
            const nextType = columns.find((c) => c.name === next)?.type ?? 'string';
            if (!operatorsFor(nextType).includes(op)) setOp(operatorsFor(nextType)[0] ?? 'is_null');
          }}
          options={columns.map((c) => ({ value: c.name, label: c.name }))}
          style={{ width: 220 }}
          showSearch
          aria-label={t('preview.column')}
          data-testid="filter-column"
        />
        <Select
          value={op}
          onChange={setOp}
          options={operators.map((o) => ({ value: o, label: t(`operators.${o}`) }))}
          style={{ width: 140 }}
          aria-label={t('preview.operator')}
          data-testid="filter-operator"
        />
        <Input
          value={value}
          onChange={(event) => setValue(event.target.value)}
          onPressEnter={add}
          disabled={!needsValue(op)}
          placeholder={t('preview.valuePlaceholder')}
          aria-label={t('preview.value')}
          data-testid="filter-value"
        />
        <Button icon={<PlusOutlined />} onClick={add} disabled={!canAdd} data-testid="filter-add">
          {t('preview.add')}
        </Button>
      </Space.Compact>
      {chips.length > 0 ? (
        <Flex gap={4} wrap align="center">
          <FilterOutlined className="filter-bar__icon" />
          {chips.map((chip) => (
            <Tag
              key={chipKey(chip)}
              closable
              color="blue"
              onClose={(event) => {
                event.preventDefault();
                onChange(chips.filter((c) => chipKey(c) !== chipKey(chip)));
              }}
              data-testid="filter-chip"
            >
              {chip.column} {t(`operators.${chip.op}`)} {needsValue(chip.op) ? `“${chip.value ?? ''}”` : ''}
            </Tag>
          ))}
          <Button type="link" size="small" onClick={() => onChange([])}>
            {t('preview.clear')}
          </Button>
        </Flex>
      ) : null}
    </Flex>
  );
}

/** The preview of a ready version. */
export function PreviewTab({ dataset, version }: { dataset: DatasetRecord; version: VersionDetail }) {
  const { t } = useTranslation('datasets');
  const describe = useErrorMessage();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [sort, setSort] = useState<ColumnSort | undefined>(undefined);
  const [chips, setChips] = useState<FilterChip[]>([]);
  const request = {
    offset: offsetOf(page, pageSize),
    limit: pageSize,
    sort: toSortParam(sort),
    filters: toFiltersParam(chips),
  };
  const rows = useRows(dataset.id, version.number, request);
  const columns = rows.data?.columns ?? version.columns ?? [];
  const masked = new Set(rows.data?.masked ?? []);
  const offset = rows.data?.offset ?? 0;
  const dataSource: Row[] = (rows.data?.rows ?? []).map((cells, index) => ({ key: offset + index, cells }));

  const tableColumns: TableProps<Row>['columns'] = [
    {
      title: '#',
      key: '#',
      width: 64,
      fixed: 'left',
      render: (_: unknown, row) => <span className="row-number">{row.key + 1}</span>,
    },
    ...columns.map((column, index) => ({
      key: column.name,
      title: (
        <span className="preview-header">
          {column.name}
          {masked.has(column.name) ? (
            <Tag color="orange" className="masked-tag" data-testid={`masked-${column.name}`}>
              {t('preview.masked')}
            </Tag>
          ) : null}
        </span>
      ),
      sorter: column.type !== 'binary',
      sortOrder:
        sort?.column === column.name
          ? sort.direction === 'asc'
            ? ('ascend' as const)
            : ('descend' as const)
          : null,
      align: column.type === 'integer' || column.type === 'decimal' ? ('right' as const) : undefined,
      render: (_: unknown, row: Row) => <CellView value={row.cells[index] ?? null} />,
    })),
  ];

  const onTableChange: TableProps<Row>['onChange'] = (pagination, _filters, sorter) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const nextSort = sortFromTable(single?.columnKey, single?.order);
    if (toSortParam(nextSort) !== toSortParam(sort)) {
      setSort(nextSort);
      setPage(1);
      return;
    }
    setPage(pagination.current ?? 1);
    setPageSize(pagination.pageSize ?? pageSize);
  };

  return (
    <Flex vertical gap={12} data-testid="preview-tab">
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <FilterBar
          columns={columns}
          chips={chips}
          onChange={(next) => {
            setChips(next);
            setPage(1);
          }}
        />
        {dataset.access === 'member' ? (
          <Tooltip title={t('preview.exportHint')}>
            <Space>
              <Button
                type="primary"
                icon={<DownloadOutlined />}
                href={exportUrl(dataset.id, version.number, { format: 'csv', ...request })}
                data-testid="export-csv"
              >
                {t('preview.exportCsv')}
              </Button>
              <Button
                icon={<DownloadOutlined />}
                href={exportUrl(dataset.id, version.number, { format: 'ndjson', ...request })}
                data-testid="export-ndjson"
              >
                {t('preview.exportNdjson')}
              </Button>
            </Space>
          </Tooltip>
        ) : null}
      </Flex>
      {rows.isError ? (
        <Alert type="error" showIcon title={describe(rows.error)} data-testid="preview-error" />
      ) : null}
      {masked.size > 0 ? <Typography.Text type="secondary">{t('preview.maskedNote')}</Typography.Text> : null}
      <Table<Row>
        size="small"
        bordered
        columns={tableColumns}
        dataSource={dataSource}
        loading={rows.isFetching}
        onChange={onTableChange}
        scroll={{ x: 'max-content' }}
        data-testid="preview-table"
        pagination={{
          current: page,
          pageSize,
          total: rows.data?.total ?? 0,
          pageSizeOptions: PAGE_SIZES,
          showSizeChanger: true,
          showTotal: (total) => t('preview.total', { total: formatCount(total) }),
        }}
      />
    </Flex>
  );
}
