/**
 * Who may call each registration route. Record-level checks (is this my organization's case, is the
 * reviewer independent of it) are made in the services.
 */
import { platformRolePolicy, publicPolicy, signedInPolicy } from '../../platform/http/policy.js';

/** Staff who review registration cases. */
export const REVIEWER_ROLES = ['exchange_admin', 'exchange_reviewer'] as const;
/** Staff who may read every case (reviewers and the regulator). */
export const READER_ROLES = ['exchange_admin', 'exchange_reviewer', 'regulator'] as const;

export const registrationPolicies = {
  readRegimes: publicPolicy('registration.regime.read'),
  updateRegime: platformRolePolicy('registration.regime.update', 'write', ['exchange_admin']),
  applyCase: signedInPolicy('registration.case.apply', 'write'),
  readCases: signedInPolicy('registration.case.read', 'read'),
  review: platformRolePolicy('registration.case.review', 'write', REVIEWER_ROLES),
  attachAssessment: signedInPolicy('registration.case.assess', 'write'),
  object: signedInPolicy('registration.objection.file', 'write'),
  decideObjection: platformRolePolicy('registration.objection.decide', 'write', REVIEWER_ROLES),
  readPublic: publicPolicy('registration.public.read'),
  manageCertificate: platformRolePolicy('registration.certificate.manage', 'write', ['exchange_admin']),
};
