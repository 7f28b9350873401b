/** 主体登记申请: apply to register the user's entity as a participant. */
import { Alert, App, Card, Form, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { RequireAuth, useAuth } from '../../app/auth';
import { PageHeader } from '../../ui/page-header';
import { useSubmitApplication } from './api';
import { ApplicationForm } from './form/application-form';
import { emptyFormValues } from './form/form-values';

const NEW_ORGANIZATION = 'new';

function Apply() {
  const { t } = useTranslation(['applications', 'common']);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { me } = useAuth();
  const submit = useSubmitApplication();
  const registered = me?.organizations.find((org) => org.participantId !== null);
  // An unregistered organization the user manages (e.g. after a withdrawn application) is reused
  // rather than creating a second one for the same entity.
  const reusable = (me?.organizations ?? []).filter(
    (org) => org.participantId === null && (org.role === 'owner' || org.role === 'admin'),
  );
  const [organizationId, setOrganizationId] = useState<string>(reusable[0]?.id ?? NEW_ORGANIZATION);

  return (
    <>
      <PageHeader
        title={t('apply.title')}
        subtitle={t('apply.subtitle')}
        crumbs={[{ title: t('common:nav.home'), to: '/' }, { title: t('apply.title') }]}
      />
      {registered?.participantId ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('apply.alreadyRegistered', { name: registered.name })}
          action={<Link to={`/participants/${registered.participantId}`}>{t('apply.viewParticipant')}</Link>}
        />
      ) : null}
      {reusable.length > 0 ? (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Form.Item
            label={t('apply.organization')}
            style={{ margin: 0 }}
            extra={t('apply.organizationHint')}
          >
            <Select
              value={organizationId}
              onChange={setOrganizationId}
              style={{ maxWidth: 420 }}
              options={[
                ...reusable.map((org) => ({ value: org.id, label: org.name })),
                { value: NEW_ORGANIZATION, label: t('apply.newOrganization') },
              ]}
              data-testid="apply-organization"
            />
          </Form.Item>
        </Card>
      ) : null}
      <ApplicationForm
        organizationId={organizationId === NEW_ORGANIZATION ? undefined : organizationId}
        initialValues={emptyFormValues()}
        submitLabel={t('apply.submit')}
        isSubmitting={submit.isPending}
        error={submit.error}
        onSubmit={(body) =>
          submit.mutate(body, {
            onSuccess: (application) => {
              void message.success(t('apply.submitted'));
              void navigate(`/applications/${application.id}`);
            },
          })
        }
      />
    </>
  );
}

/** The application page (signed-in users). */
export function ApplyPage() {
  return (
    <RequireAuth>
      <Apply />
    </RequireAuth>
  );
}
