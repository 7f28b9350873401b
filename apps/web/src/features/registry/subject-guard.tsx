/**
 * What both wizard pages check before showing the form: the user acts for a registered participant
 * (registration is for participants only), which one when there are several, and whether the
 * subject may be edited now (a draft, or a case returned for correction).
 */
import { Alert, Button, Card, Form, Result, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';
import { useCase, type RegistrationCaseSummary, type SubjectStatus } from './api';

/** The user's organizations that are registered participants. */
export function useParticipantOrganizations() {
  const { me } = useAuth();
  return (me?.organizations ?? []).filter((org) => org.participantId !== null);
}

/** Shown to a user whose organization is not yet a registered participant. */
export function NotParticipant() {
  const { t } = useTranslation('registry');
  return (
    <Result
      status="info"
      title={t('guard.notParticipantTitle')}
      subTitle={t('guard.notParticipant')}
      extra={
        <Link to="/apply">
          <Button type="primary">{t('guard.apply')}</Button>
        </Link>
      }
    />
  );
}

/** Chooses the organization a new subject is registered for (only when there are several). */
export function OrganizationPicker({
  organizations,
  value,
  onChange,
}: {
  organizations: { id: string; name: string }[];
  value: string | undefined;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation('registry');
  if (organizations.length < 2) return null;
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Form.Item label={t('guard.organization')} style={{ margin: 0 }}>
        <Select
          value={value}
          onChange={onChange}
          style={{ maxWidth: 420 }}
          options={organizations.map((org) => ({ value: org.id, label: org.name }))}
          data-testid="registry-organization"
        />
      </Form.Item>
    </Card>
  );
}

/** True when the holder may change the saved description now. */
export function isEditable(status: SubjectStatus, latestCase: RegistrationCaseSummary | undefined): boolean {
  return status === 'draft' || latestCase?.state === 'returned';
}

/** The reviewer's note of a case returned for correction, above the wizard. */
export function ReturnedNote({
  registrationCase,
}: {
  registrationCase: RegistrationCaseSummary | undefined;
}) {
  const { t } = useTranslation('registry');
  const returned = registrationCase?.state === 'returned' ? registrationCase : undefined;
  const full = useCase(returned?.id);
  if (!returned) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('guard.returnedTitle', { number: returned.number })}
      description={full.data?.reviewNote ?? undefined}
      style={{ marginBottom: 16 }}
      data-testid="returned-note"
    />
  );
}

/** Above the wizard while it edits a change proposal: the registered description stays in force. */
export function ChangeBanner() {
  const { t } = useTranslation('registry');
  return (
    <Alert
      type="info"
      showIcon
      title={t('change.banner')}
      style={{ marginBottom: 16 }}
      data-testid="change-banner"
    />
  );
}

/**
 * Shown instead of the wizard when the subject is under review or registered; `changePath` (when a
 * change registration may be started) offers 变更登记.
 */
export function NotEditable({ caseId, changePath }: { caseId: string | undefined; changePath?: string }) {
  const { t } = useTranslation('registry');
  return (
    <Result
      status="info"
      title={t('guard.notEditableTitle')}
      subTitle={t('guard.notEditable')}
      extra={[
        changePath ? (
          <Link key="change" to={changePath}>
            <Button type="primary" data-testid="start-change">
              {t('change.start')}
            </Button>
          </Link>
        ) : null,
        caseId ? (
          <Link key="case" to={`/registry/cases/${caseId}`}>
            <Button type={changePath ? 'default' : 'primary'}>{t('list.viewCase')}</Button>
          </Link>
        ) : null,
        <Link key="list" to="/registry">
          <Button>{t('list.back')}</Button>
        </Link>,
      ]}
    />
  );
}
