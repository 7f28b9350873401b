/** Event types the participants module records. */
export const PARTICIPANTS_EVENTS = {
  applicationSubmitted: 'participants.application.submitted',
  applicationCorrected: 'participants.application.corrected',
  applicationResubmitted: 'participants.application.resubmitted',
  applicationApproved: 'participants.application.approved',
  applicationRejected: 'participants.application.rejected',
  applicationReturned: 'participants.application.returned',
  applicationWithdrawn: 'participants.application.withdrawn',
  participantRegistered: 'participants.participant.registered',
  participantSuspended: 'participants.participant.suspended',
  participantReinstated: 'participants.participant.reinstated',
  participantRevoked: 'participants.participant.revoked',
} as const;

/** The history verb shown for each application event. */
export const HISTORY_ACTIONS: Record<string, string> = {
  [PARTICIPANTS_EVENTS.applicationSubmitted]: 'submitted',
  [PARTICIPANTS_EVENTS.applicationCorrected]: 'corrected',
  [PARTICIPANTS_EVENTS.applicationResubmitted]: 'resubmitted',
  [PARTICIPANTS_EVENTS.applicationApproved]: 'approved',
  [PARTICIPANTS_EVENTS.applicationRejected]: 'rejected',
  [PARTICIPANTS_EVENTS.applicationReturned]: 'returned',
  [PARTICIPANTS_EVENTS.applicationWithdrawn]: 'withdrawn',
};
