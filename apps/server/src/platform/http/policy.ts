/**
 * Route policies: every route names one, and an architecture test fails when a route lacks it.
 * A policy decides from the principal alone (is the caller signed in, which platform role, which
 * token scope). Decisions that depend on a record (is the caller a member of this organization) are
 * made in the service, which answers 404 rather than reveal that the record exists.
 */
import type { Principal, PlatformRole, TokenScope } from './principal.js';

/** Why a policy refused: 401 when the caller is unknown, 403 when known but not allowed. */
export type PolicyOutcome = 'allow' | 'unauthenticated' | 'forbidden' | { scope: TokenScope };

/** A named rule checked before a route's handler runs. */
export interface Policy {
  /** Stable name, shown in the OpenAPI document as `x-policy`. */
  readonly name: string;
  /** Scope an API token needs for this route. */
  readonly scope: TokenScope | null;
  /** Decides for `principal`. */
  check(principal: Principal): PolicyOutcome;
}

function scopeCheck(principal: Principal, scope: TokenScope | null): PolicyOutcome {
  if (principal.kind !== 'user' || principal.via !== 'token' || scope === null) return 'allow';
  if (principal.scopes.includes(scope) || (scope === 'read' && principal.scopes.includes('write')))
    return 'allow';
  return { scope };
}

/** Anyone, signed in or not. */
export const publicPolicy = (name: string): Policy => ({ name, scope: null, check: () => 'allow' });

/** Any signed-in user (organization checks happen in the service). */
export const signedInPolicy = (name: string, scope: TokenScope): Policy => ({
  name,
  scope,
  check: (p) => (p.kind === 'anonymous' ? 'unauthenticated' : scopeCheck(p, scope)),
});

/** Signed-in users holding one of `roles`. */
export const platformRolePolicy = (
  name: string,
  scope: TokenScope,
  roles: readonly PlatformRole[],
): Policy => ({
  name,
  scope,
  check: (p) => {
    if (p.kind === 'anonymous') return 'unauthenticated';
    if (!roles.some((r) => p.platformRoles.includes(r))) return 'forbidden';
    return scopeCheck(p, scope);
  },
});

/** Signed-in users in a browser session only: API tokens may not manage credentials (passwords, tokens). */
export const sessionOnlyPolicy = (name: string): Policy => ({
  name,
  scope: 'write',
  check: (p) => (p.kind === 'anonymous' ? 'unauthenticated' : p.via === 'session' ? 'allow' : 'forbidden'),
});
