/**
 * The ingest report of a version: what the reader detected (format, encoding), how many rows it
 * could not read, and each problem with its line number (行号), so the provider can fix the file.
 */
import type { IngestReport } from '@shuliu/core';
import { Alert, Descriptions, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCount } from './format';

/** The report's problems and counts; `failed` frames it as the reason the version failed. */
export function IngestReportView({
  report,
  number,
  failed,
}: {
  report: IngestReport;
  number: number;
  failed: boolean;
}) {
  const { t } = useTranslation('datasets');
  return (
    <div className="ingest-report" data-testid={`ingest-report-${number}`}>
      {failed ? (
        <Alert
          type="error"
          showIcon
          title={t('versions.failedTitle', { number })}
          description={t('versions.failedHint')}
          className="ingest-report__alert"
        />
      ) : null}
      <Descriptions size="small" column={{ xs: 1, md: 3 }} className="ingest-report__facts">
        <Descriptions.Item label={t('versions.report')}>
          {t('versions.detectedFormat', {
            format: report.format ?? t('versions.unknown'),
            encoding: report.encoding ?? t('versions.unknown'),
          })}
        </Descriptions.Item>
        <Descriptions.Item label={t('versions.rows')}>
          {t('versions.rowsRejected', {
            read: formatCount(report.rowsRead),
            rejected: formatCount(report.rowsRejected),
          })}
        </Descriptions.Item>
      </Descriptions>
      {report.problems.length > 0 ? (
        <List
          size="small"
          bordered
          dataSource={report.problems}
          data-testid="ingest-problems"
          renderItem={(problem) => (
            <List.Item>
              <div className="ingest-problem">
                {problem.line !== undefined ? (
                  <Tag color="red" className="mono" data-testid="problem-line">
                    {t('versions.problemLine', { line: problem.line })}
                  </Tag>
                ) : null}
                {problem.column ? <Tag>{t('versions.problemColumn', { column: problem.column })}</Tag> : null}
                <Typography.Text>{problem.message}</Typography.Text>
                {problem.excerpt ? (
                  <Typography.Text code className="ingest-problem__excerpt">
                    {problem.excerpt}
                  </Typography.Text>
                ) : null}
              </div>
            </List.Item>
          )}
        />
      ) : null}
      {report.problemsTruncated ? (
        <Typography.Text type="secondary">
          {t('versions.problemsTruncated', { count: report.problems.length })}
        </Typography.Text>
      ) : null}
    </div>
  );
}
