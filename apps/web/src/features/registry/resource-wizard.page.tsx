/**
 * 数据资源登记: register a new data resource, continue a saved draft (`/registry/resources/:id/edit`), or propose a
 * change to a registered one (`…/edit?case=change`, 变更登记: saved as the proposal, submitted as a
 * change case while the registered description stays in force).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { RequireAuth } from '../../app/auth';
import { PageHeader } from '../../ui/page-header';
import { Loading, QueryError } from '../../ui/query-state';
import { useMyCases, useResource } from './api';
import {
  canStartChange,
  isChangeProposal,
  latestCaseBySubject,
  submitCaseTypeOf,
  wizardModeOf,
} from './cases';
import { ResourceWizard } from './form/resource-wizard';
import {
  ChangeBanner,
  NotEditable,
  NotParticipant,
  OrganizationPicker,
  ReturnedNote,
  useParticipantOrganizations,
} from './subject-guard';

function ResourceWizardScreen({ id, changeRequested }: { id: string | undefined; changeRequested: boolean }) {
  const { t } = useTranslation(['registry', 'common']);
  const organizations = useParticipantOrganizations();
  const [organizationId, setOrganizationId] = useState(organizations[0]?.id);
  const resource = useResource(id);
  const cases = useMyCases();
  const latest = id
    ? latestCaseBySubject(cases.data?.pages.flatMap((page) => page.items) ?? []).get(id)
    : undefined;
  const mode = wizardModeOf(resource.data?.status, latest, changeRequested);
  const title =
    mode === 'change' ? t('resource.changeTitle') : id ? t('resource.editTitle') : t('resource.newTitle');
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
  if (resource.data && mode === 'locked')
    return (
      <>
        {header}
        <NotEditable
          caseId={latest?.id}
          changePath={canStartChange(resource.data.status, latest) ? `?case=change` : undefined}
        />
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
      {isChangeProposal(mode, latest) ? <ChangeBanner /> : null}
      <ReturnedNote registrationCase={latest} />
      <ResourceWizard
        record={resource.data}
        organizationId={resource.data?.organizationId ?? organizationId}
        returnedCaseId={mode === 'correction' ? latest?.id : undefined}
        caseType={submitCaseTypeOf(mode)}
      />
    </>
  );
}

/** The resource registration wizard page (signed-in participants). */
export function ResourceWizardPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  return (
    <RequireAuth>
      <ResourceWizardScreen id={id} changeRequested={params.get('case') === 'change'} />
    </RequireAuth>
  );
}
