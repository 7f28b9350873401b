/**
 * Who may call each participants route. Record-level checks (is this my application) are in the services.
 */
import { platformRolePolicy, publicPolicy, signedInPolicy } from '../../platform/http/policy.js';

export const participantsPolicies = {
  apply: signedInPolicy('participants.application.submit', 'write'),
  readApplications: signedInPolicy('participants.application.read', 'read'),
  changeOwnApplication: signedInPolicy('participants.application.change', 'write'),
  review: platformRolePolicy('participants.application.review', 'write', [
    'exchange_admin',
    'exchange_reviewer',
  ]),
  readDirectory: publicPolicy('participants.directory.read'),
  suspend: platformRolePolicy('participants.participant.suspend', 'write', [
    'exchange_admin',
    'exchange_reviewer',
  ]),
  revoke: platformRolePolicy('participants.participant.revoke', 'write', ['exchange_admin']),
};
