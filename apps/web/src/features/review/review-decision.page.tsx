/**
 * The reviewer's decision screen: every field of the application, the files, automatic checks,
 * the history, and the three decisions (通过 / 退回修改 / 驳回), each confirmed in a modal.
 */
import { Alert, App, Button, Card, Col, Flex, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useErrorMessage } from '../../app/api-errors';
import { EXCHANGE_STAFF, RequireAuth } from '../../app/auth';
import { PageHeader } from '../../ui/page-header';
import { Loading, QueryError } from '../../ui/query-state';
import { ApplicationStateTag } from '../../ui/status-tag';
import { useApplication, useApplicationTransition } from '../applications/api';
import { ApplicationDetails } from '../applications/application-details';
import { ApplicationTimeline, formatTime } from '../applications/application-timeline';
import { AutomaticChecks } from './automatic-checks';
import { DecisionModal, type ReviewAction } from './decision-modal';

function ReviewDecision({ id }: { id: string }) {
  const { t } = useTranslation(['review', 'common']);
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const application = useApplication(id);
  const transition = useApplicationTransition(id);
  const [action, setAction] = useState<ReviewAction | null>(null);

  if (application.isPending) return <Loading />;
  if (application.isError)
    return <QueryError error={application.error} onRetry={() => void application.refetch()} />;
  const data = application.data;
  // The server lists what the state allows; buttons follow it rather than a copy of the rules.
  const canDecide = data.allowedActions.includes('approve');

  return (
    <>
      <PageHeader
        title={data.name}
        tags={<ApplicationStateTag state={data.state} />}
        subtitle={t('decision.subtitle', { id: data.id, at: formatTime(data.createdAt) })}
        crumbs={[{ title: t('queue.title'), to: '/review' }, { title: data.name }]}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <ApplicationDetails data={data} attachments={data.attachments} />
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16} className="sticky-column">
            <Card title={t('decision.title')} size="small" data-testid="decision-panel">
              {canDecide ? (
                <>
                  <Typography.Paragraph type="secondary">{t('decision.hint')}</Typography.Paragraph>
                  {transition.isError ? (
                    <Alert
                      type="error"
                      showIcon
                      title={describe(transition.error)}
                      style={{ marginBottom: 12 }}
                    />
                  ) : null}
                  <Flex vertical gap={8}>
                    <Button
                      type="primary"
                      block
                      onClick={() => setAction('approve')}
                      data-testid="decide-approve"
                    >
                      {t('decision.approve')}
                    </Button>
                    <Button block onClick={() => setAction('return')} data-testid="decide-return">
                      {t('decision.return')}
                    </Button>
                    <Button danger block onClick={() => setAction('reject')} data-testid="decide-reject">
                      {t('decision.reject')}
                    </Button>
                  </Flex>
                </>
              ) : (
                <Typography.Paragraph style={{ margin: 0 }}>
                  {t('decision.closed')}{' '}
                  {data.participantId ? (
                    <Link to={`/participants/${data.participantId}`}>{t('decision.viewParticipant')}</Link>
                  ) : null}
                </Typography.Paragraph>
              )}
            </Card>
            <Card title={t('decision.checks')} size="small">
              <AutomaticChecks application={data} />
            </Card>
            <Card title={t('decision.history')} size="small">
              <ApplicationTimeline history={data.history} />
            </Card>
          </Flex>
        </Col>
      </Row>
      <DecisionModal
        action={action}
        isPending={transition.isPending}
        onCancel={() => setAction(null)}
        onDecide={(decision) => {
          const decided = action;
          if (!decided) return;
          transition.mutate(decision, {
            onSuccess: () => {
              setAction(null);
              void message.success(t(`decision.done.${decided}`));
            },
            onError: () => setAction(null),
          });
        }}
      />
    </>
  );
}

/** The decision screen (exchange staff). */
export function ReviewDecisionPage() {
  const { id = '' } = useParams();
  return (
    <RequireAuth roles={EXCHANGE_STAFF}>
      <ReviewDecision id={id} />
    </RequireAuth>
  );
}
