/**
 * The only place accounts responses are shaped. Secrets (password hashes, token hashes) never pass.
 */
import { maskEmail } from '@shuliu/core';
import type { PlatformRole, TokenScope } from '../../platform/http/principal.js';
import type {
  ApiTokenRow,
  MemberRole,
  OrganizationRow,
  UserOrganizationRow,
  UserRow,
} from './accounts.repository.js';

export const presentUser = (u: UserRow) => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  platformRoles: u.platformRoles as PlatformRole[],
  createdAt: u.createdAt.toISOString(),
});

/** A user for the exchange admin: a lock that has run out is shown as none. */
export const presentAdminUser = (
  u: { user: UserRow; organizations: readonly UserOrganizationRow[] },
  now: Date,
) => ({
  ...presentUser(u.user),
  lockedUntil: u.user.lockedUntil && u.user.lockedUntil > now ? u.user.lockedUntil.toISOString() : null,
  organizations: u.organizations.map((o) => ({ id: o.id, name: o.name, role: o.role as MemberRole })),
});

export const presentToken = (t: ApiTokenRow) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  scopes: t.scopes as TokenScope[],
  expiresAt: t.expiresAt.toISOString(),
  revokedAt: t.revokedAt?.toISOString() ?? null,
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  createdAt: t.createdAt.toISOString(),
});

export const presentOrganization = (o: OrganizationRow) => ({
  id: o.id,
  name: o.name,
  creditCode: o.creditCode,
  participantId: o.participantId,
  status: o.participantId ? ('registered' as const) : ('unregistered' as const),
  createdAt: o.createdAt.toISOString(),
});

export const presentMember = (
  m: { userId: string; email: string; displayName: string; role: string; joinedAt: Date },
  canManage: boolean,
) => ({
  userId: m.userId,
  email: canManage ? m.email : maskEmail(m.email),
  displayName: m.displayName,
  role: m.role as MemberRole,
  joinedAt: m.joinedAt.toISOString(),
});
