/**
 * The frame both registration wizards share: page header, participant check, the choice between a
 * new draft, a saved draft, a correction (returned case), a change proposal (`?case=change`, 变更登记)
 * and the locked screen, then the kind's own wizard.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/page-header';
import { Loading, QueryError } from '../../ui/query-state';
import { useMyCases, type SubjectStatus } from './api';
import {
  canStartChange,
  isChangeProposal,
  latestCaseBySubject,
  submitCaseTypeOf,
  wizardModeOf,
} from './cases';
import {
  ChangeBanner,
  NotEditable,
  NotParticipant,
  OrganizationPicker,
  ReturnedNote,
  useParticipantOrganizations,
} from './subject-guard';

/** What a kind's wizard is given to render. */
export interface WizardSlot<R> {
  record: R | undefined;
  /** The owner of the saved subject, or the organization chosen for a new one. */
  organizationId: string | undefined;
  organizations: ReturnType<typeof useParticipantOrganizations>;
  returnedCaseId: string | undefined;
  caseType: ReturnType<typeof submitCaseTypeOf>;
}

/** A subject query as both `useResource` and `useProduct` return it. */
interface SubjectQuery<R extends { status: SubjectStatus; organizationId: string }> {
  data: R | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => Promise<unknown>;
}

export function SubjectWizardScreen<R extends { status: SubjectStatus; organizationId: string }>(props: {
  kind: 'resource' | 'product';
  id: string | undefined;
  changeRequested: boolean;
  subject: SubjectQuery<R>;
  children: (slot: WizardSlot<R>) => ReactNode;
}) {
  const { kind, id, subject } = props;
  const { t } = useTranslation(['registry', 'common']);
  const organizations = useParticipantOrganizations();
  const [organizationId, setOrganizationId] = useState(organizations[0]?.id);
  const cases = useMyCases();
  const latest = id
    ? latestCaseBySubject(cases.data?.pages.flatMap((page) => page.items) ?? []).get(id)
    : undefined;
  const mode = wizardModeOf(subject.data?.status, latest, props.changeRequested);
  const title =
    mode === 'change' ? t(`${kind}.changeTitle`) : id ? t(`${kind}.editTitle`) : t(`${kind}.newTitle`);
  const header = (
    <PageHeader
      title={title}
      subtitle={t(`${kind}.subtitle`)}
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
  if (id && (subject.isPending || (subject.data?.status !== 'draft' && cases.isPending))) return <Loading />;
  if (subject.isError) return <QueryError error={subject.error} onRetry={() => void subject.refetch()} />;
  if (subject.data && mode === 'locked')
    return (
      <>
        {header}
        <NotEditable
          caseId={latest?.id}
          changePath={canStartChange(subject.data.status, latest) ? `?case=change` : undefined}
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
      {props.children({
        record: subject.data,
        organizationId: subject.data?.organizationId ?? organizationId,
        organizations,
        returnedCaseId: mode === 'correction' ? latest?.id : undefined,
        caseType: submitCaseTypeOf(mode),
      })}
    </>
  );
}
