/**
 * The reviewer's case screen (登记审查): the subject's description and evidence on the left; the
 * decisions, assessor, publicity window and history on the right; the compliance checklist and
 * objections below the description.
 */
import { Alert, Card, Col, Descriptions, Flex, Row, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EXCHANGE_STAFF, RequireAuth } from '../../app/auth';
import { PageHeader } from '../../ui/page-header';
import { Loading, QueryError } from '../../ui/query-state';
import { CaseStateTag, RightsTags } from '../../ui/registration-tags';
import { formatTime } from '../applications/application-timeline';
import { useCase } from './api';
import { AssessorCard } from './assessor-card';
import { CaseTimeline } from './case-timeline';
import { ChecklistPanel } from './checklist-panel';
import { isChecklistCleared } from './checklist-rules';
import { DecisionPanel } from './decision-panel';
import { evidenceOf, readProduct, readResource } from './description-readers';
import { EvidenceList } from './evidence-viewer';
import { ObjectionsPanel } from './objections-panel';
import { ProductDescriptionView } from './product-description';
import { ResourceDescriptionView } from './resource-description';
import type { RegistrationCase } from './types';
import '../../ui/registration.css';

/** States in which the checklist and assessor can still change. */
const REVIEW_STATES: readonly string[] = ['accepted', 'formal_review', 'substantive_review'];

function SubjectPanel({ data }: { data: RegistrationCase }) {
  const { t } = useTranslation('registrationReview');
  const resource = data.subjectKind === 'resource' ? readResource(data.description) : null;
  const product = data.subjectKind === 'product' ? readProduct(data.description) : null;
  if (resource) return <ResourceDescriptionView description={resource} />;
  if (product)
    return (
      <ProductDescriptionView description={product} subjectId={data.subjectId} holder={data.organizationId} />
    );
  return <Alert type="warning" showIcon title={t('case.unreadable')} />;
}

function CaseScreen({ id }: { id: string }) {
  const { t } = useTranslation(['registrationReview', 'vocab', 'common']);
  const query = useCase(id);
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  const isEditable = REVIEW_STATES.includes(data.state);
  const evidence = evidenceOf(data.description).map((item, index) => ({
    id: item.id,
    label: t(`evidence.roles.${item.role}`, { n: index + 1 }),
  }));

  return (
    <>
      <PageHeader
        title={data.subjectName}
        tags={<CaseStateTag state={data.state} />}
        subtitle={t('case.subtitle', {
          number: data.number,
          type: t(`vocab:caseTypes.${data.caseType}`),
          kind: t(`vocab:subjectKinds.${data.subjectKind}`),
        })}
        crumbs={[{ title: t('queue.title'), to: '/registration-review' }, { title: data.number }]}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            <Card>
              <Tabs
                items={[
                  { key: 'subject', label: t('case.tabs.subject'), children: <SubjectPanel data={data} /> },
                  {
                    key: 'evidence',
                    label: t('case.tabs.evidence', { count: evidence.length }),
                    children: <EvidenceList items={evidence} />,
                  },
                ]}
              />
            </Card>
            <ChecklistPanel caseId={data.id} items={data.checklist} isEditable={isEditable} />
            <ObjectionsPanel data={data} />
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16} className="sticky-column">
            <DecisionPanel data={data} checklistComplete={isChecklistCleared(data.checklist)} />
            <Card title={t('case.facts')} size="small">
              <Descriptions
                column={1}
                size="small"
                items={[
                  {
                    key: 'rights',
                    label: t('case.rights'),
                    children: <RightsTags rights={data.rights} />,
                  },
                  {
                    key: 'queryCode',
                    label: t('case.queryCode'),
                    children: <span className="mono">{data.queryCode}</span>,
                  },
                  { key: 'submitted', label: t('case.submittedAt'), children: formatTime(data.submittedAt) },
                  {
                    key: 'regime',
                    label: t('case.regime'),
                    children: t(
                      data.regime.publicityDayKind === 'working'
                        ? 'case.regimeWorking'
                        : 'case.regimeCalendar',
                      {
                        days: data.regime.publicityDays,
                        years: data.regime.validityYears,
                      },
                    ),
                  },
                  {
                    key: 'hash',
                    label: t('case.contentHash'),
                    children: <span className="mono-wrap">{data.contentHash}</span>,
                  },
                  ...(data.publicityEndsAt
                    ? [
                        {
                          key: 'publicity',
                          label: t('case.publicity'),
                          children: t('case.publicityRange', {
                            from: formatTime(data.publicityStartedAt),
                            to: formatTime(data.publicityEndsAt),
                          }),
                        },
                      ]
                    : []),
                  ...(data.reviewNote
                    ? [{ key: 'note', label: t('case.reviewNote'), children: data.reviewNote }]
                    : []),
                ]}
              />
            </Card>
            <AssessorCard data={data} isEditable={isEditable} />
            <Card title={t('case.history')} size="small">
              <CaseTimeline events={data.timeline} />
            </Card>
          </Flex>
        </Col>
      </Row>
    </>
  );
}

/** The case screen (exchange staff). */
export function RegistrationCasePage() {
  const { id = '' } = useParams();
  return (
    <RequireAuth roles={EXCHANGE_STAFF}>
      <CaseScreen id={id} />
    </RequireAuth>
  );
}
