/** Correct a returned application and submit it again. */
import { Alert, App, Result, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { RequireAuth } from '../../app/auth';
import { PageHeader } from '../../ui/page-header';
import { Loading, QueryError } from '../../ui/query-state';
import { useApplication, useCorrectAndResubmit } from './api';
import { ApplicationForm } from './form/application-form';
import { formValuesOf } from './form/form-values';

function EditApplication({ id }: { id: string }) {
  const { t } = useTranslation(['applications', 'common']);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const application = useApplication(id);
  const resubmit = useCorrectAndResubmit(id);

  if (application.isPending) return <Loading />;
  if (application.isError)
    return <QueryError error={application.error} onRetry={() => void application.refetch()} />;
  const data = application.data;
  const crumbs = [
    { title: t('common:nav.myApplications'), to: '/applications' },
    { title: data.name, to: `/applications/${id}` },
    { title: t('edit.title') },
  ];
  if (data.state !== 'returned') {
    return (
      <>
        <PageHeader title={t('edit.title')} crumbs={crumbs} />
        <Result
          status="info"
          title={t('edit.notEditable')}
          extra={
            <Link to={`/applications/${id}`}>
              <Button type="primary">{t('edit.backToApplication')}</Button>
            </Link>
          }
        />
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('edit.title')} subtitle={t('edit.subtitle')} crumbs={crumbs} />
      {data.reviewNote ? (
        <Alert
          type="warning"
          showIcon
          title={t('detail.returnedTitle')}
          description={data.reviewNote}
          style={{ marginBottom: 16 }}
          data-testid="review-note"
        />
      ) : null}
      <ApplicationForm
        initialValues={formValuesOf(data)}
        submitLabel={t('edit.submit')}
        isSubmitting={resubmit.isPending}
        error={resubmit.error}
        onSubmit={(body) =>
          resubmit.mutate(body, {
            onSuccess: () => {
              void message.success(t('edit.resubmitted'));
              void navigate(`/applications/${id}`);
            },
          })
        }
      />
    </>
  );
}

/** The correction page of a returned application. */
export function EditApplicationPage() {
  const { id = '' } = useParams();
  return (
    <RequireAuth>
      <EditApplication id={id} />
    </RequireAuth>
  );
}
