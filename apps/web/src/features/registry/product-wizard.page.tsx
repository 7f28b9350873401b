/** 数据产品登记: register a new data product, or continue a saved draft (`/registry/products/:id/edit`). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { RequireAuth, useAuth } from '../../app/auth';
import { PageHeader } from '../../ui/page-header';
import { Loading, QueryError } from '../../ui/query-state';
import { useMyCases, useProduct } from './api';
import { latestCaseBySubject } from './cases';
import { providerShortName } from './form/product-name';
import { emptyProductValues } from './form/product-values';
import { ProductWizard } from './form/product-wizard';
import {
  isEditable,
  NotEditable,
  NotParticipant,
  OrganizationPicker,
  ReturnedNote,
  useParticipantOrganizations,
} from './subject-guard';

function ProductWizardScreen({ id }: { id: string | undefined }) {
  const { t } = useTranslation(['registry', 'common']);
  const { me } = useAuth();
  const organizations = useParticipantOrganizations();
  const [organizationId, setOrganizationId] = useState(organizations[0]?.id);
  const product = useProduct(id);
  const cases = useMyCases();
  const latest = id
    ? latestCaseBySubject(cases.data?.pages.flatMap((page) => page.items) ?? []).get(id)
    : undefined;
  const title = id ? t('product.editTitle') : t('product.newTitle');
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
  if (product.data && !isEditable(product.data.status, latest))
    return (
      <>
        {header}
        <NotEditable caseId={latest?.id} />
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
        returnedCaseId={latest?.state === 'returned' ? latest.id : undefined}
      />
    </>
  );
}

/** The product registration wizard page (signed-in participants). */
export function ProductWizardPage() {
  const { id } = useParams();
  return (
    <RequireAuth>
      <ProductWizardScreen id={id} />
    </RequireAuth>
  );
}
