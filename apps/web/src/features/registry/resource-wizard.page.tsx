/** 数据资源登记: register a new data resource, or continue a saved draft (`/registry/resources/:id/edit`). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { RequireAuth } from '../../app/auth';
import { PageHeader } from '../../ui/page-header';
import { Loading, QueryError } from '../../ui/query-state';
import { useMyCases, useResource } from './api';
import { latestCaseBySubject } from './cases';
import { ResourceWizard } from './form/resource-wizard';
import {
  isEditable,
  NotEditable,
  NotParticipant,
  OrganizationPicker,
  ReturnedNote,
  useParticipantOrganizations,
} from './subject-guard';

function ResourceWizardScreen({ id }: { id: string | undefined }) {
  const { t } = useTranslation(['registry', 'common']);
  const organizations = useParticipantOrganizations();
  const [organizationId, setOrganizationId] = useState(organizations[0]?.id);
  const resource = useResource(id);
  const cases = useMyCases();
  const latest = id
    ? latestCaseBySubject(cases.data?.pages.flatMap((page) => page.items) ?? []).get(id)
    : undefined;
  const title = id ? t('resource.editTitle') : t('resource.newTitle');
  const header = (
    <PageHeader
      title={title}
      subtitle={t('resource.subtitle')}
      crumbs={[{ title: t('list.title'), to: '/registry' }, { title }]}
    />
  );

  if (organizations.length === 0)
    return (
      <>
        {header}
        <NotParticipant />
      </>
    );
  // A draft needs no case; other states wait for the cases to know whether one was returned.
  if (id && (resource.isPending || (resource.data?.status !== 'draft' && cases.isPending)))
    return <Loading />;
  if (resource.isError) return <QueryError error={resource.error} onRetry={() => void resource.refetch()} />;
  if (resource.data && !isEditable(resource.data.status, latest))
    return (
      <>
        {header}
        <NotEditable caseId={latest?.id} />
      </>
    );
  return (
    <>
      {header}
      {id ? null : (
        <OrganizationPicker
          organizations={organizations}
          value={organizationId}
          onChange={setOrganizationId}
        />
      )}
      <ReturnedNote registrationCase={latest} />
      <ResourceWizard
        record={resource.data}
        organizationId={resource.data?.organizationId ?? organizationId}
        returnedCaseId={latest?.state === 'returned' ? latest.id : undefined}
      />
    </>
  );
}

/** The resource registration wizard page (signed-in participants). */
export function ResourceWizardPage() {
  const { id } = useParams();
  return (
    <RequireAuth>
      <ResourceWizardScreen id={id} />
    </RequireAuth>
  );
}
