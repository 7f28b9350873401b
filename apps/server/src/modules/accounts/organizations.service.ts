/**
 * Organizations and memberships. Access is decided here from the record: members and platform staff
 * may read; owners and admins manage members. Anyone else gets "not found", so ids reveal nothing.
 */
import type { Clock } from '../../platform/clock.js';
import type { Db, Executor } from '../../platform/db/database.js';
import { recordEvent } from '../../platform/events/events.js';
import { AppError, conflict, notFound } from '../../platform/http/errors.js';
import { hasPlatformRole, type Principal, type UserPrincipal } from '../../platform/http/principal.js';
import { newId } from '../../platform/ids.js';
import { ACCOUNTS_EVENTS as E } from './accounts.events.js';
import { accountsRepository as repo, type MemberRole } from './accounts.repository.js';
import type { Actor } from './auth.service.js';
import { normalizeEmail } from './auth.service.js';

const actorOf = (p: UserPrincipal, requestId: string | null): Actor => ({ userId: p.userId, requestId });

export function createOrganizationsService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  /** The caller's role in the organization, failing with 404 when they may not see it. */
  async function requireAccess(
    principal: Principal,
    organizationId: string,
    manage: boolean,
  ): Promise<MemberRole | 'staff'> {
    if (principal.kind !== 'user') throw notFound('accounts.organization.not_found');
    const role = await repo.roleOf(db, principal.userId, organizationId);
    if (role && (!manage || role !== 'member')) return role;
    if (!manage && hasPlatformRole(principal, 'exchange_admin', 'exchange_reviewer', 'regulator'))
      return 'staff';
    if (role === 'member') throw new AppError('auth.forbidden', 403, { needs: 'owner|admin' });
    throw notFound('accounts.organization.not_found');
  }

  return {
    requireAccess,

    /** Creates an organization whose creator becomes its owner (inside the caller's transaction). */
    async createOrganization(
      tx: Executor,
      input: { name: string; createdBy: string },
      requestId: string | null,
    ) {
      const organization = await repo.insertOrganization(tx, {
        id: newId('org'),
        name: input.name.trim(),
        createdBy: input.createdBy,
      });
      if (!organization) throw new Error('organization insert returned nothing');
      await repo.insertMembership(tx, {
        id: newId('mem'),
        organizationId: organization.id,
        userId: input.createdBy,
        role: 'owner',
      });
      await recordEvent(tx, clock, {
        type: E.organizationCreated,
        actorId: input.createdBy,
        organizationId: organization.id,
        subjectType: 'organization',
        subjectId: organization.id,
        payload: { name: organization.name },
        requestId,
      });
      return organization;
    },

    /** Records that the organization is now a registered participant (called by participants). */
    async markRegistered(
      tx: Executor,
      organizationId: string,
      input: { participantId: string; creditCode: string; name: string },
      actor: Actor,
    ) {
      await repo.updateOrganization(tx, organizationId, input);
      await recordEvent(tx, clock, {
        type: E.organizationRegistered,
        actorId: actor.userId,
        organizationId,
        subjectType: 'organization',
        subjectId: organizationId,
        payload: input,
        requestId: actor.requestId,
      });
    },

    roleOf: (userId: string, organizationId: string) => repo.roleOf(db, userId, organizationId),
    organizationsOf: (userId: string) => repo.organizationsOf(db, userId),

    /** An organization the caller may see (one query: the row with the caller's role). */
    async get(principal: Principal, organizationId: string) {
      if (principal.kind !== 'user') throw notFound('accounts.organization.not_found');
      const found = await repo.findOrganizationWithRole(db, organizationId, principal.userId);
      const isStaff = hasPlatformRole(principal, 'exchange_admin', 'exchange_reviewer', 'regulator');
      if (!found || (!found.role && !isStaff)) throw notFound('accounts.organization.not_found');
      return found.organization;
    },

    /** Members of an organization the caller may see; `canManage` tells the presenter whether to unmask emails. */
    async members(principal: Principal, organizationId: string) {
      const access = await requireAccess(principal, organizationId, false);
      return {
        members: await repo.membersOf(db, organizationId),
        canManage: access === 'owner' || access === 'admin',
      };
    },

    /** Adds an existing user by email. Admins may not create owners. */
    async addMember(
      principal: UserPrincipal,
      organizationId: string,
      input: { email: string; role: MemberRole },
      requestId: string | null,
    ) {
      const access = await requireAccess(principal, organizationId, true);
      if (input.role === 'owner' && access !== 'owner')
        throw new AppError('auth.forbidden', 403, { needs: 'owner' });
      const user = await repo.findUserByEmail(db, normalizeEmail(input.email));
      if (!user) throw notFound('accounts.user.not_found');
      return db.transaction(async (tx) => {
        const [row] = await repo.insertMembership(tx, {
          id: newId('mem'),
          organizationId,
          userId: user.id,
          role: input.role,
        });
        if (!row) throw conflict('accounts.membership.exists');
        await recordEvent(tx, clock, {
          type: E.membershipAdded,
          ...actorFields(principal, requestId),
          organizationId,
          subjectType: 'user',
          subjectId: user.id,
          payload: { role: input.role },
        });
        return {
          userId: user.id,
          email: user.email,
          displayName: user.displayName,
          role: input.role,
          joinedAt: row.createdAt,
        };
      });
    },

    /** Changes a member's role, keeping at least one owner. */
    async changeRole(
      principal: UserPrincipal,
      organizationId: string,
      userId: string,
      role: MemberRole,
      requestId: string | null,
    ) {
      const access = await requireAccess(principal, organizationId, true);
      await db.transaction(async (tx) => {
        const owners = await repo.lockOwners(tx, organizationId);
        const isOwner = owners.some((o) => o.userId === userId);
        if ((isOwner || role === 'owner') && access !== 'owner')
          throw new AppError('auth.forbidden', 403, { needs: 'owner' });
        if (isOwner && role !== 'owner' && owners.length === 1)
          throw conflict('accounts.membership.last_owner');
        const updated = await repo.updateMembershipRole(tx, organizationId, userId, role);
        if (updated.length === 0) throw notFound('accounts.user.not_found');
        await recordEvent(tx, clock, {
          type: E.membershipChanged,
          ...actorFields(principal, requestId),
          organizationId,
          subjectType: 'user',
          subjectId: userId,
          payload: { role },
        });
      });
    },

    /** Removes a member (members may remove themselves), keeping at least one owner. */
    async removeMember(
      principal: UserPrincipal,
      organizationId: string,
      userId: string,
      requestId: string | null,
    ) {
      const isSelf = principal.userId === userId;
      const access = isSelf
        ? await requireAccess(principal, organizationId, false)
        : await requireAccess(principal, organizationId, true);
      await db.transaction(async (tx) => {
        const owners = await repo.lockOwners(tx, organizationId);
        const isOwner = owners.some((o) => o.userId === userId);
        if (isOwner && !isSelf && access !== 'owner')
          throw new AppError('auth.forbidden', 403, { needs: 'owner' });
        if (isOwner && owners.length === 1) throw conflict('accounts.membership.last_owner');
        const removed = await repo.deleteMembership(tx, organizationId, userId);
        if (removed.length === 0) throw notFound('accounts.user.not_found');
        await recordEvent(tx, clock, {
          type: E.membershipRemoved,
          ...actorFields(principal, requestId),
          organizationId,
          subjectType: 'user',
          subjectId: userId,
        });
      });
    },
  };
}

function actorFields(principal: UserPrincipal, requestId: string | null) {
  const actor = actorOf(principal, requestId);
  return { actorId: actor.userId, requestId: actor.requestId };
}

export type OrganizationsService = ReturnType<typeof createOrganizationsService>;
