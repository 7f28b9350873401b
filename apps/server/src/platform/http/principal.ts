/**
 * Who is calling. Resolved once per request by the auth middleware from the session cookie or an API
 * token; policies and services read it, never the raw headers.
 */

/** Platform-wide roles held by exchange staff and the regulator. */
export const PLATFORM_ROLES = ['exchange_admin', 'exchange_reviewer', 'regulator'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

/** What an API token may do: `read` allows safe methods only; `write` allows everything the user may. */
export const TOKEN_SCOPES = ['read', 'write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** The caller of a request. */
export type Principal =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      email: string;
      displayName: string;
      platformRoles: readonly PlatformRole[];
      /** How the caller authenticated; `token` callers are limited to `scopes`. */
      via: 'session' | 'token';
      sessionId?: string;
      tokenId?: string;
      scopes: readonly TokenScope[];
    };

export type UserPrincipal = Extract<Principal, { kind: 'user' }>;

export const ANONYMOUS: Principal = { kind: 'anonymous' };

/** True when the principal holds any of `roles`. */
export function hasPlatformRole(principal: Principal, ...roles: PlatformRole[]): boolean {
  return principal.kind === 'user' && roles.some((r) => principal.platformRoles.includes(r));
}

/** The signed-in caller; routes call it after a signed-in policy has run, so anonymity here is a bug. */
export function userOf(principal: Principal): UserPrincipal {
  if (principal.kind !== 'user')
    throw new Error('route reached without a signed-in principal: check its policy');
  return principal;
}

/**
 * The organizations a list shows the caller: staff (`staffRoles`) see every organization's records, or
 * only `requested`; everyone else sees their own organizations (`memberOf`), narrowed to `requested`.
 * `undefined` means no restriction; an empty array means nothing to show.
 */
export function listedOrganizations(
  principal: Principal,
  memberOf: readonly string[],
  requested: string | undefined,
  staffRoles: readonly PlatformRole[],
): string[] | undefined {
  if (hasPlatformRole(principal, ...staffRoles)) return requested ? [requested] : undefined;
  return requested ? memberOf.filter((id) => id === requested) : [...memberOf];
}
