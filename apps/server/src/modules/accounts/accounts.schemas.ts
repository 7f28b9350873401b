/**
 * Request and response schemas of the accounts module. Field descriptions become the API reference.
 */
import { z } from '@hono/zod-openapi';
import { PLATFORM_ROLES, TOKEN_SCOPES } from '../../platform/http/principal.js';

const Email = z.email().max(254).describe('Email address, used to sign in');
const Password = z.string().min(1).max(256).describe('Password (at least 10 characters for new passwords)');
const MemberRole = z.enum(['owner', 'admin', 'member']).describe('Role within the organization');

export const SignUpRequest = z
  .object({
    /** Email address used to sign in. */
    email: Email,
    /** Chosen password; at least 10 characters, not the email. */
    password: Password,
    /** Name shown to colleagues and reviewers. */
    displayName: z.string().trim().min(1).max(64).describe('Name shown to colleagues and reviewers'),
  })
  .openapi('SignUpRequest');

export const LoginRequest = z.object({ email: Email, password: Password }).openapi('LoginRequest');

export const ChangePasswordRequest = z
  .object({
    currentPassword: Password.describe('The password in use now'),
    newPassword: Password.describe('The new password, at least 10 characters'),
  })
  .openapi('ChangePasswordRequest');

export const PasswordResetRequestRequest = z.object({ email: Email }).openapi('PasswordResetRequestRequest');

export const PasswordResetRequest = z
  .object({
    token: z.string().min(10).max(200).describe('The token from the reset link'),
    newPassword: Password.describe('The new password, at least 10 characters'),
  })
  .openapi('PasswordResetRequest');

export const OrganizationSummary = z
  .object({
    id: z.string().describe('Organization id (`org_…`)'),
    name: z.string().describe('Organization name'),
    role: MemberRole,
    participantId: z.string().nullable().describe('Participant id once registered (一主体一登记), else null'),
  })
  .openapi('OrganizationSummary');

export const UserResponse = z
  .object({
    id: z.string().describe('User id (`usr_…`)'),
    email: z.string().describe('Email address'),
    displayName: z.string().describe('Display name'),
    platformRoles: z.array(z.enum(PLATFORM_ROLES)).describe('Platform roles: exchange staff and regulator'),
    createdAt: z.string().describe('When the account was created (ISO 8601)'),
  })
  .openapi('User');

export const MeResponse = UserResponse.extend({
  organizations: z.array(OrganizationSummary).describe('Organizations the user belongs to'),
}).openapi('Me');

export const SessionResponse = z.object({ user: UserResponse }).openapi('SessionResponse');

export const CreateTokenRequest = z
  .object({
    name: z.string().trim().min(1).max(64).describe('What the token is for'),
    scopes: z
      .array(z.enum(TOKEN_SCOPES))
      .min(1)
      .describe('`read` allows GET only; `write` allows changes too'),
    expiresInDays: z
      .number()
      .int()
      .min(1)
      .max(365)
      .default(90)
      .describe('Days until the token expires (1–365)'),
  })
  .openapi('CreateTokenRequest');

export const TokenResponse = z
  .object({
    id: z.string().describe('Token id (`tok_…`)'),
    name: z.string().describe('What the token is for'),
    prefix: z.string().describe('First characters of the token, to tell tokens apart'),
    scopes: z.array(z.enum(TOKEN_SCOPES)).describe('Scopes'),
    expiresAt: z.string().describe('Expiry (ISO 8601)'),
    revokedAt: z.string().nullable().describe('When revoked, else null'),
    lastUsedAt: z.string().nullable().describe('Last use, else null'),
    createdAt: z.string().describe('Creation time'),
  })
  .openapi('ApiToken');

export const CreatedTokenResponse = TokenResponse.extend({
  token: z.string().describe('The secret token; shown only in this response'),
}).openapi('CreatedApiToken');

export const TokenListResponse = z.object({ items: z.array(TokenResponse) }).openapi('ApiTokenList');

export const OrganizationResponse = z
  .object({
    id: z.string().describe('Organization id'),
    name: z.string().describe('Name'),
    creditCode: z.string().nullable().describe('Unified social credit code once registered'),
    participantId: z.string().nullable().describe('Participant id once registered'),
    status: z.enum(['unregistered', 'registered']).describe('Whether the entity is a registered participant'),
    createdAt: z.string().describe('Creation time'),
  })
  .openapi('Organization');

export const MemberResponse = z
  .object({
    userId: z.string().describe('User id'),
    email: z.string().describe('Email; masked unless the caller manages the organization'),
    displayName: z.string().describe('Display name'),
    role: MemberRole,
    joinedAt: z.string().describe('When the user joined'),
  })
  .openapi('Member');

export const MemberListResponse = z.object({ items: z.array(MemberResponse) }).openapi('MemberList');

export const AddMemberRequest = z
  .object({ email: Email.describe('Email of an existing user'), role: MemberRole })
  .openapi('AddMemberRequest');

export const ChangeMemberRequest = z.object({ role: MemberRole }).openapi('ChangeMemberRequest');

export const SetPlatformRolesRequest = z
  .object({ platformRoles: z.array(z.enum(PLATFORM_ROLES)).describe('The complete set of platform roles') })
  .openapi('SetPlatformRolesRequest');

export const UserListQuery = z.object({
  q: z.string().max(100).optional().describe('Case-insensitive fragment of the email or display name'),
  role: z.enum(PLATFORM_ROLES).optional().describe('Only users holding this platform role'),
  cursor: z.string().max(200).optional().describe('Opaque cursor from the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Page size'),
});

export const UserOrganization = z
  .object({
    id: z.string().describe('Organization id (`org_…`)'),
    name: z.string().describe('Organization name'),
    role: MemberRole,
  })
  .openapi('UserOrganization');

export const AdminUserResponse = UserResponse.extend({
  lockedUntil: z
    .string()
    .nullable()
    .describe('Until when sign-in is locked after repeated failures (ISO 8601); null when not locked'),
  organizations: z.array(UserOrganization).describe('Organizations the user belongs to, oldest first'),
}).openapi('AdminUser');

export const AdminUserListResponse = z
  .object({
    items: z.array(AdminUserResponse).describe('Users, newest account first'),
    nextCursor: z.string().nullable().describe('Cursor of the next page, null at the end'),
    total: z.number().int().describe('Count matching the filters'),
  })
  .openapi('AdminUserList');

export const OrganizationIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, description: 'Organization id' }),
});
export const MemberParams = OrganizationIdParam.extend({
  userId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'userId', in: 'path' }, description: 'User id' }),
});
export const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, description: 'Id' }),
});
