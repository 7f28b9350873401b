/**
 * The accounts module: users, sessions, API tokens, organizations and memberships.
 * Other modules use only what `registerAccounts` returns.
 */
import type { PlatformDeps } from '../../platform/deps.js';
import { accountsRoutes } from './accounts.routes.js';
import { resolvePrincipal } from './auth.middleware.js';
import { createAuthService } from './auth.service.js';
import { createOrganizationsService } from './organizations.service.js';
import { createTokensService } from './tokens.service.js';
import { createUsersService } from './users.service.js';

export type { Actor, AuthService } from './auth.service.js';
export type { OrganizationsService } from './organizations.service.js';
export type { UsersService } from './users.service.js';

/** The daily housekeeping job of this module. */
export const PURGE_QUEUE = 'accounts.purge-ended';

/** Wires the accounts module. */
export function registerAccounts(deps: PlatformDeps) {
  const db = deps.database.db;
  const auth = createAuthService({
    db,
    clock: deps.clock,
    mailer: deps.mailer,
    security: deps.config.security,
    publicUrl: deps.publicUrl,
  });
  const tokens = createTokensService({ db, clock: deps.clock });
  const organizations = createOrganizationsService({ db, clock: deps.clock });
  const users = createUsersService({ db, clock: deps.clock });
  return {
    /** Background work, started once the node is up (not when the app is only built, e.g. for the API spec). */
    async start() {
      await deps.jobs.work(PURGE_QUEUE, async () => {
        const purged = await auth.purgeEnded();
        deps.log.info('purged ended sessions', purged);
      });
      await deps.jobs.schedule(PURGE_QUEUE, '17 3 * * *');
    },
    middleware: resolvePrincipal({ db, clock: deps.clock, tokens }),
    router: accountsRoutes({
      auth,
      tokens,
      organizations,
      users,
      security: deps.config.security,
      clock: deps.clock,
    }),
    service: { auth, tokens, organizations, users },
  };
}

export type AccountsModule = ReturnType<typeof registerAccounts>['service'];
