/**
 * Participants (一主体一登记): vocabularies and the registration application's life cycle,
 * shared by the server (which enforces them) and the web app (which shows them).
 * Source: domain.md §1, Changchun rules art. 9–13, 19.
 */
import { defineStateMachine } from './state-machine.js';

/** Roles a legal entity may hold on the exchange. */
export const PARTICIPANT_ROLES = ['provider', 'merchant', 'buyer', 'service'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** Subtypes of a data merchant (数据商). */
export const MERCHANT_SUBTYPES = [
  'data_service',
  'compute',
  'tool_algorithm',
  'network',
  'security',
] as const;
export type MerchantSubtype = (typeof MERCHANT_SUBTYPES)[number];

/** Services a third-party service body (第三方服务机构) may offer. */
export const SERVICE_TYPES = [
  'valuation',
  'quality_assessment',
  'compliance_certification',
  'notarization',
  'audit',
  'brokerage',
  'arbitration',
  'insurance',
  'custody',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** Kinds of legal entity. */
export const ENTITY_TYPES = [
  'enterprise',
  'public_institution',
  'government_agency',
  'social_organization',
  'individual_business',
  'other',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Commitments the rules require of an applicant, by role. */
export const COMMITMENTS = ['data_truthful', 'data_complete', 'data_lawful', 'security_capability'] as const;
export type Commitment = (typeof COMMITMENTS)[number];

/** The commitments an applicant asking for `roles` must make. */
export function requiredCommitments(roles: readonly ParticipantRole[]): Commitment[] {
  const needed = new Set<Commitment>();
  if (roles.includes('provider') || roles.includes('merchant')) {
    needed.add('data_truthful').add('data_complete').add('data_lawful');
  }
  if (roles.includes('merchant') || roles.includes('buyer') || roles.includes('service')) {
    needed.add('security_capability');
  }
  return COMMITMENTS.filter((c) => needed.has(c));
}

/** States of a registration application. */
export const APPLICATION_STATES = ['submitted', 'returned', 'approved', 'rejected', 'withdrawn'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];
export type ApplicationAction = 'approve' | 'reject' | 'return' | 'resubmit' | 'withdraw';

/** submitted → approved | rejected | returned; returned → submitted (corrected) | withdrawn. */
export const applicationMachine = defineStateMachine<ApplicationState, ApplicationAction>({
  submitted: { approve: 'approved', reject: 'rejected', return: 'returned', withdraw: 'withdrawn' },
  returned: { resubmit: 'submitted', withdraw: 'withdrawn' },
  approved: {},
  rejected: {},
  withdrawn: {},
});

/** States of a registered participant and of its credential. */
export const PARTICIPANT_STATES = ['active', 'suspended', 'revoked'] as const;
export type ParticipantState = (typeof PARTICIPANT_STATES)[number];
export type ParticipantAction = 'suspend' | 'reinstate' | 'revoke';

/** active ⇄ suspended; either → revoked (final). */
export const participantMachine = defineStateMachine<ParticipantState, ParticipantAction>({
  active: { suspend: 'suspended', revoke: 'revoked' },
  suspended: { reinstate: 'active', revoke: 'revoked' },
  revoked: {},
});
