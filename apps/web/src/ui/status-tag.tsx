/**
 * Coloured tags for the states of applications and participants, and tags for domain terms.
 * Colours follow the usual console convention: blue in progress, green done, orange needs action,
 * red refused or revoked, grey closed.
 */
import type { ApplicationState, ParticipantRole, ParticipantState } from '@shuliu/core';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

function applicationColor(state: ApplicationState): string {
  switch (state) {
    case 'submitted':
      return 'processing';
    case 'returned':
      return 'warning';
    case 'approved':
      return 'success';
    case 'rejected':
      return 'error';
    case 'withdrawn':
      return 'default';
  }
}

function participantColor(state: ParticipantState): string {
  switch (state) {
    case 'active':
      return 'success';
    case 'suspended':
      return 'warning';
    case 'revoked':
      return 'error';
  }
}

/** The state of a registration application. */
export function ApplicationStateTag({ state }: { state: ApplicationState }) {
  const { t } = useTranslation('vocab');
  return (
    <Tag color={applicationColor(state)} data-testid="application-state" data-state={state}>
      {t(`applicationStates.${state}`)}
    </Tag>
  );
}

/** The state of a registered participant (and of its credential). */
export function ParticipantStateTag({ state }: { state: ParticipantState }) {
  const { t } = useTranslation('vocab');
  return (
    <Tag color={participantColor(state)} data-testid="participant-state" data-state={state}>
      {t(`participantStates.${state}`)}
    </Tag>
  );
}

/** The roles a participant holds, one tag each. */
export function RoleTags({ roles }: { roles: readonly ParticipantRole[] }) {
  const { t } = useTranslation('vocab');
  return (
    <>
      {roles.map((role) => (
        <Tag key={role} color="blue" variant="outlined">
          {t(`roles.${role}`)}
        </Tag>
      ))}
    </>
  );
}
