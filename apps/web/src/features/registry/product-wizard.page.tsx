/**
 * 数据产品登记: register a new data product, continue a saved draft (`/registry/products/:id/edit`),
 * or propose a change to a registered one (`…/edit?case=change`, 变更登记: saved as the proposal, submitted as a
 * change case while the registered description stays in force).
 */
import { useParams, useSearchParams } from 'react-router';
import { RequireAuth, useAuth } from '../../app/auth';
import { useProduct } from './api';
import { providerShortName } from './form/product-name';
import { emptyProductValues } from './form/product-values';
import { ProductWizard } from './form/product-wizard';
import { SubjectWizardScreen } from './subject-wizard-screen';

function ProductWizardScreen({ id, changeRequested }: { id: string | undefined; changeRequested: boolean }) {
  const { me } = useAuth();
  const product = useProduct(id);
  return (
    <SubjectWizardScreen kind="product" id={id} changeRequested={changeRequested} subject={product}>
      {(slot) => {
        const providerName = slot.organizations.find((org) => org.id === slot.organizationId)?.name ?? '';
        return (
          <ProductWizard
            // A different organization means a different provider name: start the form again.
            key={slot.organizationId}
            record={slot.record}
            organizationId={slot.organizationId}
            providerName={providerName}
            initialValues={emptyProductValues({
              provider: providerShortName(providerName),
              contact: { name: me?.displayName ?? '', email: me?.email ?? '' },
            })}
            returnedCaseId={slot.returnedCaseId}
            caseType={slot.caseType}
          />
        );
      }}
    </SubjectWizardScreen>
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
