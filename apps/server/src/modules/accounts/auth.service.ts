/**
 * Sign-up, sign-in, sessions and passwords. No HTTP here: routes call these with plain values.
 */
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { recordEvent } from '../../platform/events/events.js';
import { AppError, conflict } from '../../platform/http/errors.js';
import type { PlatformRole } from '../../platform/http/principal.js';
import { newId } from '../../platform/ids.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { hashSecretToken, newSecretToken } from '../../platform/crypto/secret-token.js';
import type { SecurityConfig } from '../../config/security.config.js';
import { ACCOUNTS_EVENTS as E } from './accounts.events.js';
import { accountsRepository as repo, type UserRow } from './accounts.repository.js';
import { DUMMY_PASSWORD_HASH, hashPassword, isPasswordCorrect, isWeakPassword } from './password.js';

/** Who does something and under which request (for the event log). */
export interface Actor {
  userId: string | null;
  requestId: string | null;
}

/** A new session: the secret goes into the cookie, never into storage. */
export interface NewSession {
  sessionId: string;
  token: string;
  expiresAt: Date;
  user: UserRow;
}

const RESET_TOKEN_MINUTES = 60;

/** Normalizes an email for storage and lookup. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function createAuthService(deps: {
  db: Db;
  clock: Clock;
  mailer: Mailer;
  security: SecurityConfig;
  publicUrl: string;
}) {
  const { db, clock, security } = deps;

  async function openSession(
    tx: Parameters<Parameters<Db['transaction']>[0]>[0],
    user: UserRow,
    requestId: string | null,
  ): Promise<NewSession> {
    const { token, hash } = newSecretToken('sls');
    const sessionId = newId('ses');
    const expiresAt = new Date(clock.now().getTime() + security.SHULIU_SESSION_HOURS * 3_600_000);
    await repo.insertSession(tx, { id: sessionId, tokenHash: hash, userId: user.id, expiresAt });
    await recordEvent(tx, clock, {
      type: E.sessionCreated,
      actorId: user.id,
      subjectType: 'user',
      subjectId: user.id,
      payload: { sessionId },
      requestId,
    });
    return { sessionId, token, expiresAt, user };
  }

  /** Creates a user (sign-up, CLI, demo seed). Refuses a taken email or a weak password. */
  async function createUser(
    input: { email: string; password: string; displayName: string; platformRoles?: PlatformRole[] },
    actor: Actor,
    eventType: string = E.userCreated,
  ): Promise<UserRow> {
    const email = normalizeEmail(input.email);
    if (isWeakPassword(input.password, email)) throw new AppError('auth.weak_password', 400);
    const passwordHash = await hashPassword(input.password);
    return db.transaction(async (tx) => {
      const id = newId('usr');
      const [user] = await repo.insertUser(tx, {
        id,
        email,
        displayName: input.displayName.trim(),
        passwordHash,
        platformRoles: input.platformRoles ?? [],
      });
      if (!user) throw conflict('auth.email_taken');
      await recordEvent(tx, clock, {
        type: eventType,
        actorId: actor.userId ?? id,
        subjectType: 'user',
        subjectId: id,
        payload: { platformRoles: user.platformRoles },
        requestId: actor.requestId,
      });
      return user;
    });
  }

  return {
    createUser,

    /** Signs a new person up and signs them in. */
    async signUp(
      input: { email: string; password: string; displayName: string },
      requestId: string | null,
    ): Promise<NewSession> {
      const user = await createUser(input, { userId: null, requestId }, E.userSignedUp);
      return db.transaction((tx) => openSession(tx, user, requestId));
    },

    /** Checks the password, counting failures and locking the account after too many. */
    async login(input: { email: string; password: string }, requestId: string | null): Promise<NewSession> {
      const now = clock.now();
      const user = await repo.findUserByEmail(db, normalizeEmail(input.email));
      if (!user) {
        await isPasswordCorrect(await DUMMY_PASSWORD_HASH, input.password);
        throw new AppError('auth.invalid_credentials', 401);
      }
      if (user.lockedUntil && user.lockedUntil > now) {
        throw new AppError('auth.locked', 423, {
          minutes: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000),
        });
      }
      if (!(await isPasswordCorrect(user.passwordHash, input.password))) {
        await db.transaction(async (tx) => {
          const failures = await repo.countFailedLogin(tx, user.id);
          await recordEvent(tx, clock, {
            type: E.userLoginFailed,
            actorId: null,
            subjectType: 'user',
            subjectId: user.id,
            payload: { failures },
            requestId,
          });
          if (failures >= security.SHULIU_LOGIN_MAX_FAILURES) {
            const lockedUntil = new Date(now.getTime() + security.SHULIU_LOGIN_LOCK_MINUTES * 60_000);
            await repo.updateUser(tx, user.id, { lockedUntil, failedLogins: 0 });
            await recordEvent(tx, clock, {
              type: E.userLocked,
              actorId: null,
              subjectType: 'user',
              subjectId: user.id,
              payload: { lockedUntil: lockedUntil.toISOString() },
              requestId,
            });
          }
        });
        throw new AppError('auth.invalid_credentials', 401);
      }
      return db.transaction(async (tx) => {
        if (user.failedLogins > 0 || user.lockedUntil)
          await repo.updateUser(tx, user.id, { failedLogins: 0, lockedUntil: null });
        return openSession(tx, user, requestId);
      });
    },

    /** Ends a session. */
    async logout(sessionId: string, actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        await repo.revokeSession(tx, sessionId, clock.now());
        await recordEvent(tx, clock, {
          type: E.sessionRevoked,
          actorId: actor.userId,
          subjectType: 'session',
          subjectId: sessionId,
          requestId: actor.requestId,
        });
      });
    },

    /** Changes the password after checking the current one; other sessions end. */
    async changePassword(
      userId: string,
      input: { currentPassword: string; newPassword: string },
      actor: Actor & { sessionId?: string },
    ): Promise<void> {
      const user = await repo.findUserById(db, userId);
      if (!user) throw new AppError('accounts.user.not_found', 404);
      if (!(await isPasswordCorrect(user.passwordHash, input.currentPassword)))
        throw new AppError('auth.wrong_password', 400);
      if (isWeakPassword(input.newPassword, user.email)) throw new AppError('auth.weak_password', 400);
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction(async (tx) => {
        const now = clock.now();
        await repo.updateUser(tx, userId, { passwordHash, passwordChangedAt: now });
        await repo.revokeSessionsOf(tx, userId, now, actor.sessionId);
        await recordEvent(tx, clock, {
          type: E.userPasswordChanged,
          actorId: userId,
          subjectType: 'user',
          subjectId: userId,
          requestId: actor.requestId,
        });
      });
    },

    /** Mails a one-time reset link when the email is known; says nothing either way. */
    async requestPasswordReset(emailInput: string, requestId: string | null): Promise<void> {
      const user = await repo.findUserByEmail(db, normalizeEmail(emailInput));
      if (!user) return;
      const { token, hash } = newSecretToken('rst');
      await db.transaction(async (tx) => {
        await repo.insertPasswordReset(tx, {
          id: newId('rst'),
          userId: user.id,
          tokenHash: hash,
          expiresAt: new Date(clock.now().getTime() + RESET_TOKEN_MINUTES * 60_000),
        });
        await recordEvent(tx, clock, {
          type: E.passwordResetRequested,
          actorId: null,
          subjectType: 'user',
          subjectId: user.id,
          requestId,
        });
      });
      await deps.mailer.send({
        to: user.email,
        subject: '数流：重置密码 / Shuliu: reset your password',
        text: `${deps.publicUrl}/reset-password?token=${token}\n\n链接 ${RESET_TOKEN_MINUTES} 分钟内有效，仅可使用一次。 / The link works once, for ${RESET_TOKEN_MINUTES} minutes.`,
      });
    },

    /** Sets a new password with a reset token; every session of the user ends and any lock is lifted. */
    async resetPassword(
      input: { token: string; newPassword: string },
      requestId: string | null,
    ): Promise<void> {
      await db.transaction(async (tx) => {
        const now = clock.now();
        const reset = await repo.consumePasswordReset(tx, hashSecretToken(input.token), now);
        if (!reset) throw new AppError('auth.reset_token_invalid', 400);
        const user = await repo.findUserById(tx, reset.userId);
        if (!user) throw new AppError('auth.reset_token_invalid', 400);
        if (isWeakPassword(input.newPassword, user.email)) throw new AppError('auth.weak_password', 400);
        await repo.updateUser(tx, user.id, {
          passwordHash: await hashPassword(input.newPassword),
          passwordChangedAt: now,
          failedLogins: 0,
          lockedUntil: null,
        });
        await repo.revokeSessionsOf(tx, user.id, now);
        await recordEvent(tx, clock, {
          type: E.userPasswordReset,
          actorId: user.id,
          subjectType: 'user',
          subjectId: user.id,
          requestId,
        });
      });
    },

    /**
     * Grants or withdraws platform roles (exchange admin only, checked by the route's policy). Nobody
     * withdraws their own exchange admin role, and the platform keeps at least one exchange admin: the
     * check runs under a lock so two admins demoting each other at once cannot both succeed.
     */
    async setPlatformRoles(userId: string, platformRoles: PlatformRole[], actor: Actor): Promise<UserRow> {
      return db.transaction(async (tx) => {
        await repo.lockPlatformRoles(tx);
        const user = await repo.findUserById(tx, userId);
        if (!user) throw new AppError('accounts.user.not_found', 404);
        const roles = [...new Set(platformRoles)].sort();
        const isDemotion = user.platformRoles.includes('exchange_admin') && !roles.includes('exchange_admin');
        if (isDemotion && actor.userId === userId) throw conflict('accounts.platform_roles.self_demotion');
        if (isDemotion && (await repo.countPlatformRoleHolders(tx, 'exchange_admin')) <= 1)
          throw conflict('accounts.platform_roles.last_admin');
        await repo.updateUser(tx, userId, { platformRoles: roles });
        await recordEvent(tx, clock, {
          type: E.userPlatformRolesChanged,
          actorId: actor.userId,
          subjectType: 'user',
          subjectId: userId,
          payload: { from: user.platformRoles, to: roles },
          requestId: actor.requestId,
        });
        return { ...user, platformRoles: roles };
      });
    },

    findUserByEmail: (email: string) => repo.findUserByEmail(db, normalizeEmail(email)),

    /**
     * Housekeeping: deletes sessions and reset tokens that ended more than `keepDays` ago (a scheduled
     * job). Their creation and end are in the event log, which is kept; the rows themselves are not needed.
     */
    async purgeEnded(keepDays = 30): Promise<{ sessions: number; passwordResets: number }> {
      return db.transaction(async (tx) => {
        const now = clock.now();
        const purged = await repo.purgeEnded(tx, new Date(now.getTime() - keepDays * 86_400_000));
        if (purged.sessions + purged.passwordResets > 0) {
          await recordEvent(tx, clock, {
            type: E.sessionsPurged,
            subjectType: 'node',
            subjectId: 'accounts',
            payload: { ...purged, keepDays },
          });
        }
        return purged;
      });
    },

    /** True once anyone has an account (first-start detection for the demo seed). */
    hasAnyUser: () => repo.hasAnyUser(db),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
