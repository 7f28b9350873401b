/**
 * A registration case as its applicant follows it: progress over the main path, what the
 * reviewers returned or decided, checklist results, objections, the timeline, and the certificate
 * once certified.
 */
import { CHECK_VERDICTS, type CheckVerdict } from '@shuliu/core';
import { Alert, Button, Card, Col, Descriptions, List, Row, Space, Steps, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RequireAuth } from '../../app/auth';
import { currentLanguage } from '../../app/i18n';
import { PageHeader } from '../../ui/page-header';
import { EmptyState, Loading, QueryError } from '../../ui/query-state';
import { CaseStateTag } from '../../ui/registration-tags';
import { useCase, useCaseCertificateNumber, type CaseChecklistEntry, type RegistrationCase } from './api';
import { caseProgress, reachedStates } from './case-progress';
import { CaseTimeline } from './case-timeline';
import { formatTime } from './format';
import { CaseProductListing } from './listing-action';

const VERDICT_COLORS: Record<CheckVerdict, string> = {
  pending: 'default',
  pass: 'success',
  fail: 'error',
  not_applicable: 'default',
};

function StateAlert({
  data,
  certificateNumber,
}: {
  data: RegistrationCase;
  certificateNumber: string | undefined;
}) {
  const { t } = useTranslation('registry');
  const editPath = `/registry/${data.subjectKind === 'resource' ? 'resources' : 'products'}/${data.subjectId}/edit`;
  switch (data.state) {
    case 'returned':
      return (
        <Alert
          type="warning"
          showIcon
          title={t('case.returned')}
          description={data.reviewNote ?? undefined}
          action={
            <Link to={editPath}>
              <Button type="primary" data-testid="case-correct">
                {t('list.correct')}
              </Button>
            </Link>
          }
          data-testid="case-return-reason"
        />
      );
    case 'rejected':
      return (
        <Alert type="error" showIcon title={t('case.rejected')} description={data.reviewNote ?? undefined} />
      );
    case 'publicity':
      return (
        <Alert
          type="info"
          showIcon
          title={t('case.publicity', { until: formatTime(data.publicityEndsAt) })}
        />
      );
    case 'objection_review':
      return <Alert type="warning" showIcon title={t('case.objectionReview')} />;
    case 'certified':
    case 'active':
      return certificateNumber ? (
        <Alert
          type="success"
          showIcon
          title={t('case.certified', { number: certificateNumber })}
          action={
            <Space wrap>
              <Link
                to={`/certificates/${encodeURIComponent(certificateNumber)}`}
                data-testid="case-certificate"
              >
                <Button type="primary">{t('case.viewCertificate')}</Button>
              </Link>
              {data.subjectKind === 'product' ? <CaseProductListing productId={data.subjectId} /> : null}
            </Space>
          }
        />
      ) : null;
    case 'draft':
    case 'submitted':
    case 'accepted':
    case 'formal_review':
    case 'substantive_review':
    case 'expired':
    case 'cancelled':
    case 'superseded':
    case 'withdrawn':
      return null;
  }
}

function Checklist({ items }: { items: CaseChecklistEntry[] }) {
  const { t } = useTranslation(['registry', 'vocab']);
  const lang = currentLanguage() === 'en' ? 'en' : 'zh';
  return (
    <Table<CaseChecklistEntry>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={items}
      data-testid="case-checklist"
      columns={[
        {
          title: t('case.checkItem'),
          key: 'title',
          render: (_: unknown, row) => row.title[lang] || row.key,
        },
        {
          title: t('case.verdict'),
          dataIndex: 'verdict',
          render: (v: CheckVerdict) =>
            CHECK_VERDICTS.includes(v) ? (
              <Tag color={VERDICT_COLORS[v]}>{t(`vocab:checkVerdicts.${v}`)}</Tag>
            ) : (
              v
            ),
        },
        { title: t('case.note'), dataIndex: 'note', render: (note?: string) => note || '—' },
      ]}
    />
  );
}

function CaseView({ id }: { id: string }) {
  const { t } = useTranslation(['registry', 'vocab', 'common']);
  const query = useCase(id);
  const certificate = useCaseCertificateNumber(query.data);
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  const timeline = data.timeline;
  const progress = caseProgress(data.state, {
    substantive: data.regime.substantiveReview,
    reached: reachedStates(timeline),
  });
  return (
    <>
      <PageHeader
        title={data.subjectName || data.number}
        subtitle={`${t(`vocab:caseTypes.${data.caseType}`)} · ${t(`vocab:subjectKinds.${data.subjectKind}`)}`}
        tags={<CaseStateTag state={data.state} />}
        crumbs={[{ title: t('list.title'), to: '/registry' }, { title: data.number }]}
      />
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={progress.current}
          status={progress.status}
          items={progress.path.map((state) => ({ key: state, title: t(`vocab:caseStates.${state}`) }))}
          data-testid="case-progress"
        />
        <div style={{ marginTop: 24 }}>
          <StateAlert data={data} certificateNumber={certificate.data} />
        </div>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card title={t('case.details')} style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('case.number')}>
                <span className="mono" data-testid="case-number">
                  {data.number}
                </span>
              </Descriptions.Item>
              {data.queryCode ? (
                <Descriptions.Item label={t('case.queryCode')}>
                  <span className="mono">{data.queryCode}</span>
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('case.submittedAt')}>
                {formatTime(data.submittedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('common:fields.updatedAt')}>
                {formatTime(data.updatedAt)}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t('case.checklist')} style={{ marginBottom: 16 }}>
            {data.checklist.length > 0 ? (
              <Checklist items={data.checklist} />
            ) : (
              <EmptyState description={t('case.noChecklist')} />
            )}
          </Card>
          <Card title={t('case.objections')} style={{ marginBottom: 16 }}>
            <List
              dataSource={data.objections}
              locale={{ emptyText: t('case.noObjections') }}
              renderItem={(o) => (
                <List.Item extra={<Tag>{t(`vocab:objectionStates.${o.state}`)}</Tag>}>
                  <List.Item.Meta title={formatTime(o.filedAt)} description={o.reasons} />
                  {o.decisionNote ? <div>{o.decisionNote}</div> : null}
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('case.timeline')}>
            {timeline.length > 0 ? <CaseTimeline entries={timeline} /> : <EmptyState />}
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** The case page of the applicant. */
export function CasePage() {
  const { id = '' } = useParams();
  return (
    <RequireAuth>
      <CaseView id={id} />
    </RequireAuth>
  );
}
