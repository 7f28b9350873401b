/**
 * Who may call each accounts route. Record-level checks (membership) are in organizations.service.ts.
 */
import {
  platformRolePolicy,
  publicPolicy,
  sessionOnlyPolicy,
  signedInPolicy,
} from '../../platform/http/policy.js';

export const accountsPolicies = {
  signUp: publicPolicy('accounts.sign_up'),
  login: publicPolicy('accounts.login'),
  requestPasswordReset: publicPolicy('accounts.password_reset.request'),
  resetPassword: publicPolicy('accounts.password_reset.complete'),
  logout: signedInPolicy('accounts.logout', 'write'),
  readMe: signedInPolicy('accounts.me.read', 'read'),
  changePassword: sessionOnlyPolicy('accounts.password.change'),
  readTokens: signedInPolicy('accounts.tokens.read', 'read'),
  manageTokens: sessionOnlyPolicy('accounts.tokens.manage'),
  readOrganization: signedInPolicy('accounts.organization.read', 'read'),
  manageMembers: signedInPolicy('accounts.members.manage', 'write'),
  setPlatformRoles: platformRolePolicy('accounts.platform_roles.set', 'write', ['exchange_admin']),
  readUsers: platformRolePolicy('accounts.users.read', 'read', ['exchange_admin']),
  unlockUser: platformRolePolicy('accounts.users.unlock', 'write', ['exchange_admin']),
};
