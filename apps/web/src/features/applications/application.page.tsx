/**
 * One application as its applicant sees it: where it stands (with the reviewer's reason when it
 * was returned or rejected), the history, every field, and what can be done next.
 */
import { Alert, App, Button, Card, Col, Popconfirm, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useNotifyError } from '../../app/api-errors';
import { RequireAuth } from '../../app/auth';
import { PageHeader } from '../../ui/page-header';
import { Loading, QueryError } from '../../ui/query-state';
import { ApplicationStateTag } from '../../ui/status-tag';
import { useApplication, useApplicationTransition, type Application } from './api';
import { ApplicationDetails } from './application-details';
import { ApplicationTimeline } from './application-timeline';

function StateNotice({ application }: { application: Application }) {
  const { t } = useTranslation('applications');
  switch (application.state) {
    case 'submitted':
      return (
        <Alert type="info" showIcon title={t('detail.submittedTitle')} description={t('detail.submitted')} />
      );
    case 'returned':
      return (
        <Alert
          type="warning"
          showIcon
          title={t('detail.returnedTitle')}
          description={
            <span data-testid="review-note">{application.reviewNote ?? t('detail.returned')}</span>
          }
          action={
            <Link to={`/applications/${application.id}/edit`}>
              <Button type="primary" data-testid="correct-application">
                {t('detail.correct')}
              </Button>
            </Link>
          }
        />
      );
    case 'approved':
      return (
        <Alert
          type="success"
          showIcon
          title={t('detail.approvedTitle')}
          description={t('detail.approved')}
          action={
            application.participantId ? (
              <Link to={`/participants/${application.participantId}`}>
                <Button type="primary" data-testid="view-participant">
                  {t('detail.viewParticipant')}
                </Button>
              </Link>
            ) : undefined
          }
        />
      );
    case 'rejected':
      return (
        <Alert
          type="error"
          showIcon
          title={t('detail.rejectedTitle')}
          description={
            <span data-testid="review-note">{application.reviewNote ?? t('detail.rejected')}</span>
          }
        />
      );
    case 'withdrawn':
      return <Alert type="info" showIcon title={t('detail.withdrawnTitle')} />;
  }
}

function ApplicationView({ id }: { id: string }) {
  const { t } = useTranslation(['applications', 'common']);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const application = useApplication(id);
  const transition = useApplicationTransition(id);

  if (application.isPending) return <Loading />;
  if (application.isError)
    return <QueryError error={application.error} onRetry={() => void application.refetch()} />;
  const data = application.data;
  const canWithdraw = data.allowedActions.includes('withdraw');

  return (
    <>
      <PageHeader
        title={data.name}
        tags={<ApplicationStateTag state={data.state} />}
        subtitle={t('detail.subtitle', { id: data.id })}
        crumbs={[{ title: t('common:nav.myApplications'), to: '/applications' }, { title: data.name }]}
        extra={
          canWithdraw ? (
            <Popconfirm
              title={t('detail.withdrawConfirm')}
              okText={t('common:actions.confirm')}
              cancelText={t('common:actions.cancel')}
              onConfirm={() =>
                transition.mutate(
                  { action: 'withdraw' },
                  { onSuccess: () => void message.success(t('detail.withdrawn')), onError: notifyError },
                )
              }
            >
              <Button danger loading={transition.isPending} data-testid="withdraw-application">
                {t('detail.withdraw')}
              </Button>
            </Popconfirm>
          ) : null
        }
      />
      <div style={{ marginBottom: 16 }}>
        <StateNotice application={data} />
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <ApplicationDetails data={data} attachments={data.attachments} />
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('detail.history')} size="small">
            <ApplicationTimeline history={data.history} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** The applicant's page of one application. */
export function ApplicationPage() {
  const { id = '' } = useParams();
  return (
    <RequireAuth>
      <ApplicationView id={id} />
    </RequireAuth>
  );
}
