/**
 * The rows of a sample as a table; columns the server named in a publication refusal (or that still
 * hold personal information) are highlighted in red.
 */
import { WarningOutlined } from '@ant-design/icons';
import { Table, Tag, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { CellView } from './preview-tab';
import type { Cell, SampleRecord } from './types';

interface Row {
  key: number;
  cells: Cell[];
}

/** A sample's masked rows. */
export function SampleRowsTable({
  sample,
  highlighted = [],
  pageSize = 20,
}: {
  sample: Pick<SampleRecord, 'columns' | 'rows' | 'masking'>;
  highlighted?: readonly string[];
  pageSize?: number;
}) {
  const { t } = useTranslation('datasets');
  const marked = new Set(highlighted);
  const methods = new Map(sample.masking.map((m) => [m.column, m.method]));
  const columns: TableProps<Row>['columns'] = sample.columns.map((column, index) => {
    const method = methods.get(column.name);
    const isMarked = marked.has(column.name);
    return {
      key: column.name,
      className: isMarked ? 'column--blocked' : undefined,
      title: (
        <span className="preview-header" data-testid={isMarked ? `blocked-column-${column.name}` : undefined}>
          {isMarked ? <WarningOutlined className="blocked-icon" /> : null}
          {column.name}
          {method && method !== 'keep' ? (
            <Tag color="green" className="masked-tag">
              {t(`masking.${method}`)}
            </Tag>
          ) : null}
        </span>
      ),
      render: (_: unknown, row: Row) => <CellView value={row.cells[index] ?? null} />,
    };
  });
  return (
    <Table<Row>
      size="small"
      bordered
      columns={columns}
      dataSource={sample.rows.map((cells, index) => ({ key: index, cells }))}
      pagination={sample.rows.length > pageSize ? { pageSize, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      data-testid="sample-rows"
    />
  );
}
