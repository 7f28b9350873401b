/**
 * 数据资源登记: register a new data resource, continue a saved draft (`/registry/resources/:id/edit`), or propose a
 * change to a registered one (`…/edit?case=change`, 变更登记: saved as the proposal, submitted as a
 * change case while the registered description stays in force).
 */
import { useParams, useSearchParams } from 'react-router';
import { RequireAuth } from '../../app/auth';
import { useResource } from './api';
import { ResourceWizard } from './form/resource-wizard';
import { SubjectWizardScreen } from './subject-wizard-screen';

function ResourceWizardScreen({ id, changeRequested }: { id: string | undefined; changeRequested: boolean }) {
  const resource = useResource(id);
  return (
    <SubjectWizardScreen kind="resource" id={id} changeRequested={changeRequested} subject={resource}>
      {(slot) => (
        <ResourceWizard
          record={slot.record}
          organizationId={slot.organizationId}
          returnedCaseId={slot.returnedCaseId}
          caseType={slot.caseType}
        />
      )}
    </SubjectWizardScreen>
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
