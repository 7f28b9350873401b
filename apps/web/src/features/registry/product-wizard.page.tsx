/**
 * 数据产品登记: register a new data product, continue a saved draft (`/registry/products/:id/edit`),
 * or propose a change to a registered one (`…/edit?case=change`, 变更登记: saved as the proposal, submitted as a
 * change case while the registered description stays in force).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { RequireAuth, useAuth } from '../../app/auth';
import { PageHeader } from '../../ui/page-header';
import { Loading, QueryError } from '../../ui/query-state';
import { useMyCases, useProduct } from './api';
import {
  canStartChange,
  isChangeProposal,
  latestCaseBySubject,
  submitCaseTypeOf,
  wizardModeOf,
} from './cases';
import { providerShortName } from './form/product-name';
import { emptyProductValues } from './form/product-values';
import { ProductWizard } from './form/product-wizard';
import {
  ChangeBanner,
  NotEditable,
  NotParticipant,
  OrganizationPicker,
  ReturnedNote,
  useParticipantOrganizations,
} from './subject-guard';

function ProductWizardScreen({ id, changeRequested }: { id: string | undefined; changeRequested: boolean }) {
  const { t } = useTranslation(['registry', 'common']);
  const { me } = useAuth();
  const organizations = useParticipantOrganizations();
  const [organizationId, setOrganizationId] = useState(organizations[0]?.id);
  const product = useProduct(id);
  const cases = useMyCases();
  const latest = id
    ? latestCaseBySubject(cases.data?.pages.flatMap((page) => page.items) ?? []).get(id)
    : undefined;
  const mode = wizardModeOf(product.data?.status, latest, changeRequested);
  const title =
    mode === 'change' ? t('product.changeTitle') : id ? t('product.editTitle') : t('product.newTitle');
  const header = (
    <PageHeader
      title={title}
      subtitle={t('product.subtitle')}
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
  if (id && (product.isPending || (product.data?.status !== 'draft' && cases.isPending))) return <Loading />;
  if (product.isError) return <QueryError error={product.error} onRetry={() => void product.refetch()} />;
  if (product.data && mode === 'locked')
    return (
      <>
        {header}
        <NotEditable
          caseId={latest?.id}
          changePath={canStartChange(product.data.status, latest) ? `?case=change` : undefined}
        />
      </>
    );
  const ownerId = product.data?.organizationId ?? organizationId;
  const owner = organizations.find((org) => org.id === ownerId);
  const providerName = owner?.name ?? '';
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
      <ProductWizard
        // A different organization means a different provider name: start the form again.
        key={ownerId}
        record={product.data}
        organizationId={ownerId}
        providerName={providerName}
        initialValues={emptyProductValues({
          provider: providerShortName(providerName),
          contact: { name: me?.displayName ?? '', email: me?.email ?? '' },
        })}
        returnedCaseId={mode === 'correction' ? latest?.id : undefined}
        caseType={submitCaseTypeOf(mode)}
      />
    </>
  );
}

/** The product registration wizard page (signed-in participants). */
export function ProductWizardPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  return (
    <RequireAuth>
      <ProductWizardScreen id={id} changeRequested={params.get('case') === 'change'} />
    </RequireAuth>
  );
}
