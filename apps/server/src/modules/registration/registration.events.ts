/** Event types the registration engine records (`registration.<entity>.<past-verb>`). */
export const REGISTRATION_EVENTS = {
  regimeUpdated: 'registration.regime.updated',
  caseCreated: 'registration.case.created',
  caseSubmitted: 'registration.case.submitted',
  caseResubmitted: 'registration.case.resubmitted',
  caseAccepted: 'registration.case.accepted',
  caseFormalReviewStarted: 'registration.case.formal_review_started',
  caseSubstantiveReviewStarted: 'registration.case.substantive_review_started',
  casePublicityStarted: 'registration.case.publicity_started',
  casePublicityEndedForDemo: 'registration.case.publicity_ended_for_demo',
  caseReturned: 'registration.case.returned',
  caseRejected: 'registration.case.rejected',
  caseWithdrawn: 'registration.case.withdrawn',
  caseChecklistUpdated: 'registration.case.checklist_updated',
  caseAssessorAssigned: 'registration.case.assessor_assigned',
  caseAssessmentAttached: 'registration.case.assessment_attached',
  caseObjectionRaised: 'registration.case.objection_raised',
  caseObjectionDismissed: 'registration.case.objection_dismissed',
  caseObjectionUpheld: 'registration.case.objection_upheld',
  caseCertified: 'registration.case.certified',
  caseActivated: 'registration.case.activated',
  caseSuperseded: 'registration.case.superseded',
  caseExpired: 'registration.case.expired',
  caseCancelled: 'registration.case.cancelled',
  certificateIssued: 'registration.certificate.issued',
  certificateSuperseded: 'registration.certificate.superseded',
  certificateCancelled: 'registration.certificate.cancelled',
  certificateExpired: 'registration.certificate.expired',
  certificateSuspended: 'registration.certificate.suspended',
  certificateReinstated: 'registration.certificate.reinstated',
  certificateRevoked: 'registration.certificate.revoked',
} as const;

/** `subjectType` of the events about each entity. */
export const EVENT_SUBJECTS = {
  regime: 'registration_regime',
  case: 'registration_case',
  certificate: 'registration_certificate',
} as const;

/** Durable job queues of the engine. */
export const REGISTRATION_QUEUES = {
  /** One job per publicity period, due when it ends. */
  publicityEnd: 'registration.publicity-end',
  /** Every minute: certifies cases whose publicity ended (in case a job was lost). */
  publicitySweep: 'registration.publicity-sweep',
  /** Daily: marks certificates past their validity expired. */
  expiry: 'registration.expiry',
} as const;
