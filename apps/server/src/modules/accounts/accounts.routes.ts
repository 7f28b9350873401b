/**
 * Accounts routes: thin — validate → authorize (policy) → service → present.
 */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { deleteCookie, setCookie } from 'hono/cookie';
import { randomBytes } from 'node:crypto';
import type { SecurityConfig } from '../../config/security.config.js';
import type { Clock } from '../../platform/clock.js';
import type { AppEnv } from '../../platform/http/app-env.js';
import { AppError } from '../../platform/http/errors.js';
import { userOf } from '../../platform/http/principal.js';
import {
  createRouter,
  defineRoute,
  errorResponses,
  jsonBody,
  jsonResponse,
} from '../../platform/http/route.js';
import { accountsPolicies as P } from './accounts.policy.js';
import {
  presentAdminUser,
  presentMember,
  presentOrganization,
  presentToken,
  presentUser,
} from './accounts.presenter.js';
import * as S from './accounts.schemas.js';
import { CSRF_COOKIE, SESSION_COOKIE } from './auth.middleware.js';
import type { AuthService, NewSession } from './auth.service.js';
import type { OrganizationsService } from './organizations.service.js';
import { createRateLimiter } from './rate-limit.js';
import type { TokensService } from './tokens.service.js';
import type { UsersService } from './users.service.js';

const tags = ['accounts'];

const signUp = defineRoute({
  method: 'post',
  path: '/api/auth/sign-up',
  tags,
  operationId: 'signUp',
  policy: P.signUp,
  summary: 'Create an account and sign in',
  request: jsonBody(S.SignUpRequest),
  responses: {
    201: jsonResponse(S.SessionResponse, 'Signed up and signed in'),
    ...errorResponses(400, 409, 429),
  },
});
const login = defineRoute({
  method: 'post',
  path: '/api/auth/login',
  tags,
  operationId: 'login',
  policy: P.login,
  summary: 'Sign in with email and password',
  request: jsonBody(S.LoginRequest),
  responses: {
    200: jsonResponse(S.SessionResponse, 'Signed in; session and CSRF cookies set'),
    ...errorResponses(400, 401, 423, 429),
  },
});
const logout = defineRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags,
  operationId: 'logout',
  policy: P.logout,
  summary: 'Sign out of this session',
  responses: { 204: { description: 'Signed out' }, ...errorResponses(401, 403) },
});
const requestReset = defineRoute({
  method: 'post',
  path: '/api/auth/password-reset-requests',
  tags,
  operationId: 'requestPasswordReset',
  policy: P.requestPasswordReset,
  summary: 'Mail a password reset link (answers the same whether or not the email is known)',
  request: jsonBody(S.PasswordResetRequestRequest),
  responses: {
    202: { description: 'If the email is registered, a link was sent' },
    ...errorResponses(400, 429),
  },
});
const resetPassword = defineRoute({
  method: 'post',
  path: '/api/auth/password-resets',
  tags,
  operationId: 'resetPassword',
  policy: P.resetPassword,
  summary: 'Set a new password with a reset token',
  request: jsonBody(S.PasswordResetRequest),
  responses: { 204: { description: 'Password set; all sessions ended' }, ...errorResponses(400) },
});
const getMe = defineRoute({
  method: 'get',
  path: '/api/me',
  tags,
  operationId: 'getMe',
  policy: P.readMe,
  summary: 'The signed-in user with their organizations',
  responses: { 200: jsonResponse(S.MeResponse, 'The signed-in user'), ...errorResponses(401) },
});
const changePassword = defineRoute({
  method: 'post',
  path: '/api/me/password',
  tags,
  operationId: 'changePassword',
  policy: P.changePassword,
  summary: 'Change the password (other sessions end)',
  request: jsonBody(S.ChangePasswordRequest),
  responses: { 204: { description: 'Password changed' }, ...errorResponses(400, 401, 403) },
});
const listTokens = defineRoute({
  method: 'get',
  path: '/api/me/tokens',
  tags,
  operationId: 'listTokens',
  policy: P.readTokens,
  summary: 'The user’s API tokens (secrets are never shown again)',
  responses: { 200: jsonResponse(S.TokenListResponse, 'Tokens'), ...errorResponses(401) },
});
const createToken = defineRoute({
  method: 'post',
  path: '/api/me/tokens',
  tags,
  operationId: 'createToken',
  policy: P.manageTokens,
  summary: 'Create an API token; the secret is in this response only',
  request: jsonBody(S.CreateTokenRequest),
  responses: { 201: jsonResponse(S.CreatedTokenResponse, 'Created'), ...errorResponses(400, 401, 403) },
});
const revokeToken = defineRoute({
  method: 'delete',
  path: '/api/me/tokens/{id}',
  tags,
  operationId: 'revokeToken',
  policy: P.manageTokens,
  summary: 'Revoke an API token',
  request: { params: S.IdParam },
  responses: { 204: { description: 'Revoked' }, ...errorResponses(401, 403, 404) },
});
const getOrganization = defineRoute({
  method: 'get',
  path: '/api/organizations/{id}',
  tags,
  operationId: 'getOrganization',
  policy: P.readOrganization,
  summary: 'An organization the caller belongs to (or any, for exchange staff)',
  request: { params: S.OrganizationIdParam },
  responses: { 200: jsonResponse(S.OrganizationResponse, 'The organization'), ...errorResponses(401, 404) },
});
const listMembers = defineRoute({
  method: 'get',
  path: '/api/organizations/{id}/members',
  tags,
  operationId: 'listMembers',
  policy: P.readOrganization,
  summary: 'Members of an organization',
  request: { params: S.OrganizationIdParam },
  responses: { 200: jsonResponse(S.MemberListResponse, 'Members'), ...errorResponses(401, 404) },
});
const addMember = defineRoute({
  method: 'post',
  path: '/api/organizations/{id}/members',
  tags,
  operationId: 'addMember',
  policy: P.manageMembers,
  summary: 'Add an existing user to the organization (owners and admins)',
  request: { params: S.OrganizationIdParam, ...jsonBody(S.AddMemberRequest) },
  responses: { 201: jsonResponse(S.MemberResponse, 'Added'), ...errorResponses(400, 401, 403, 404, 409) },
});
const changeMember = defineRoute({
  method: 'patch',
  path: '/api/organizations/{id}/members/{userId}',
  tags,
  operationId: 'changeMember',
  policy: P.manageMembers,
  summary: 'Change a member’s role (an organization keeps at least one owner)',
  request: { params: S.MemberParams, ...jsonBody(S.ChangeMemberRequest) },
  responses: { 204: { description: 'Changed' }, ...errorResponses(400, 401, 403, 404, 409) },
});
const removeMember = defineRoute({
  method: 'delete',
  path: '/api/organizations/{id}/members/{userId}',
  tags,
  operationId: 'removeMember',
  policy: P.manageMembers,
  summary: 'Remove a member (or leave, when it is yourself)',
  request: { params: S.MemberParams },
  responses: { 204: { description: 'Removed' }, ...errorResponses(401, 403, 404, 409) },
});
const setPlatformRoles = defineRoute({
  method: 'put',
  path: '/api/admin/users/{id}/platform-roles',
  tags: ['admin'],
  operationId: 'setPlatformRoles',
  policy: P.setPlatformRoles,
  summary: 'Set a user’s platform roles (exchange admin)',
  request: { params: S.IdParam, ...jsonBody(S.SetPlatformRolesRequest) },
  responses: {
    200: jsonResponse(S.UserResponse, 'Updated user'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});
const listUsers = defineRoute({
  method: 'get',
  path: '/api/admin/users',
  tags: ['admin'],
  operationId: 'listUsers',
  policy: P.readUsers,
  summary: 'Find users by email or name and platform role, newest first (exchange admin)',
  request: { query: S.UserListQuery },
  responses: {
    200: jsonResponse(S.AdminUserListResponse, 'A page of users'),
    ...errorResponses(400, 401, 403),
  },
});
const unlockUser = defineRoute({
  method: 'post',
  path: '/api/admin/users/{id}/unlock',
  tags: ['admin'],
  operationId: 'unlockUser',
  policy: P.unlockUser,
  summary: 'Lift a sign-in lock after repeated failures (exchange admin)',
  request: { params: S.IdParam },
  responses: {
    200: jsonResponse(S.AdminUserResponse, 'The user, unlocked'),
    ...errorResponses(401, 403, 404),
  },
});

/** The accounts router. */
export function accountsRoutes(deps: {
  auth: AuthService;
  tokens: TokensService;
  organizations: OrganizationsService;
  users: UsersService;
  security: SecurityConfig;
  clock: Clock;
}) {
  const { auth, tokens, organizations, users, security, clock } = deps;
  const limiter = createRateLimiter(security.SHULIU_LOGIN_RATE_PER_MINUTE, 60_000, clock);
  const limit = (c: Context<AppEnv>) => {
    if (!limiter.hit(clientAddress(c))) throw new AppError('auth.rate_limited', 429);
  };
  const startSession = (c: Context<AppEnv>, session: NewSession) => {
    const maxAge = Math.floor((session.expiresAt.getTime() - Date.now()) / 1000);
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: security.SHULIU_SECURE_COOKIES,
      maxAge,
    });
    setCookie(c, CSRF_COOKIE, randomBytes(24).toString('base64url'), {
      httpOnly: false,
      sameSite: 'Strict',
      path: '/',
      secure: security.SHULIU_SECURE_COOKIES,
      maxAge,
    });
  };
  const requestId = (c: Context<AppEnv>) => c.get('requestId');

  return createRouter()
    .openapi(signUp, async (c) => {
      limit(c);
      const session = await auth.signUp(c.req.valid('json'), requestId(c));
      startSession(c, session);
      return c.json({ user: presentUser(session.user) }, 201);
    })
    .openapi(login, async (c) => {
      limit(c);
      const session = await auth.login(c.req.valid('json'), requestId(c));
      startSession(c, session);
      return c.json({ user: presentUser(session.user) }, 200);
    })
    .openapi(logout, async (c) => {
      const principal = userOf(c.get('principal'));
      if (principal.sessionId)
        await auth.logout(principal.sessionId, { userId: principal.userId, requestId: requestId(c) });
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      deleteCookie(c, CSRF_COOKIE, { path: '/' });
      return c.body(null, 204);
    })
    .openapi(requestReset, async (c) => {
      limit(c);
      await auth.requestPasswordReset(c.req.valid('json').email, requestId(c));
      return c.body(null, 202);
    })
    .openapi(resetPassword, async (c) => {
      limit(c);
      await auth.resetPassword(c.req.valid('json'), requestId(c));
      return c.body(null, 204);
    })
    .openapi(getMe, async (c) => {
      const principal = userOf(c.get('principal'));
      const [user, orgs] = await Promise.all([
        auth.findUserByEmail(principal.email),
        organizations.organizationsOf(principal.userId),
      ]);
      if (!user) throw new AppError('auth.unauthenticated', 401);
      return c.json(
        {
          ...presentUser(user),
          organizations: orgs.map((o) => ({ ...o, role: o.role as 'owner' | 'admin' | 'member' })),
        },
        200,
      );
    })
    .openapi(changePassword, async (c) => {
      const principal = userOf(c.get('principal'));
      await auth.changePassword(principal.userId, c.req.valid('json'), {
        userId: principal.userId,
        requestId: requestId(c),
        ...(principal.sessionId ? { sessionId: principal.sessionId } : {}),
      });
      return c.body(null, 204);
    })
    .openapi(listTokens, async (c) => {
      const rows = await tokens.list(userOf(c.get('principal')).userId);
      return c.json({ items: rows.map(presentToken) }, 200);
    })
    .openapi(createToken, async (c) => {
      const principal = userOf(c.get('principal'));
      const { row, token } = await tokens.create(principal.userId, c.req.valid('json'), {
        userId: principal.userId,
        requestId: requestId(c),
      });
      return c.json({ ...presentToken(row), token }, 201);
    })
    .openapi(revokeToken, async (c) => {
      const principal = userOf(c.get('principal'));
      await tokens.revoke(principal.userId, c.req.valid('param').id, {
        userId: principal.userId,
        requestId: requestId(c),
      });
      return c.body(null, 204);
    })
    .openapi(getOrganization, async (c) => {
      const organization = await organizations.get(c.get('principal'), c.req.valid('param').id);
      return c.json(presentOrganization(organization), 200);
    })
    .openapi(listMembers, async (c) => {
      const { members, canManage } = await organizations.members(c.get('principal'), c.req.valid('param').id);
      return c.json({ items: members.map((m) => presentMember(m, canManage)) }, 200);
    })
    .openapi(addMember, async (c) => {
      const member = await organizations.addMember(
        userOf(c.get('principal')),
        c.req.valid('param').id,
        c.req.valid('json'),
        requestId(c),
      );
      return c.json(presentMember(member, true), 201);
    })
    .openapi(changeMember, async (c) => {
      const { id, userId } = c.req.valid('param');
      await organizations.changeRole(
        userOf(c.get('principal')),
        id,
        userId,
        c.req.valid('json').role,
        requestId(c),
      );
      return c.body(null, 204);
    })
    .openapi(removeMember, async (c) => {
      const { id, userId } = c.req.valid('param');
      await organizations.removeMember(userOf(c.get('principal')), id, userId, requestId(c));
      return c.body(null, 204);
    })
    .openapi(setPlatformRoles, async (c) => {
      const principal = userOf(c.get('principal'));
      const user = await auth.setPlatformRoles(c.req.valid('param').id, c.req.valid('json').platformRoles, {
        userId: principal.userId,
        requestId: requestId(c),
      });
      return c.json(presentUser(user), 200);
    })
    .openapi(listUsers, async (c) => {
      const page = await users.list(c.req.valid('query'));
      const now = clock.now();
      return c.json(
        {
          items: page.items.map((u) => presentAdminUser(u, now)),
          nextCursor: page.nextCursor,
          total: page.total,
        },
        200,
      );
    })
    .openapi(unlockUser, async (c) => {
      const principal = userOf(c.get('principal'));
      const user = await users.unlock(c.req.valid('param').id, {
        userId: principal.userId,
        requestId: requestId(c),
      });
      return c.json(presentAdminUser(user, clock.now()), 200);
    });
}

/** The client's address for rate limiting: the socket's peer (a proxy must be configured to pass it). */
function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local';
  }
}
