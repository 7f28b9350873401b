import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { openPlatform } from '@shuliu/server';
import { reportCommandFailure, withConfiguredDatabase } from './database.js';
import { loadConfigOrExit } from './start.command.js';

/** `shuliu users create-admin`: creates an exchange admin, or makes an existing user one. */
export function registerUsersCommand(program: Command): void {
  const users = program.command('users').description('Manage user accounts');
  users
    .command('create-admin')
    .description('Create an exchange administrator (or grant the role to an existing user)')
    .requiredOption('--email <email>', 'email address to sign in with')
    .option('--name <name>', 'display name', '交易所管理员')
    .option('--password <password>', 'password (at least 10 characters); generated and printed when omitted')
    .action(async (options: { email: string; name: string; password?: string }) => {
      const config = loadConfigOrExit();
      try {
        const message = await withConfiguredDatabase(config, async (database) => {
          const platform = await openPlatform(config, { database });
          try {
            const { auth } = platform.built.services.accounts;
            const actor = { userId: null, requestId: 'cli' };
            const existing = await auth.findUserByEmail(options.email);
            if (existing) {
              const roles = [...new Set([...existing.platformRoles, 'exchange_admin'])] as (
                'exchange_admin' | 'exchange_reviewer' | 'regulator'
              )[];
              await auth.setPlatformRoles(existing.id, roles, actor);
              return `${existing.email} is now an exchange admin (roles: ${roles.join(', ')})`;
            }
            const password = options.password ?? randomBytes(12).toString('base64url');
            const user = await auth.createUser(
              {
                email: options.email,
                password,
                displayName: options.name,
                platformRoles: ['exchange_admin', 'exchange_reviewer'],
              },
              actor,
            );
            return `created exchange admin ${user.email}${options.password ? '' : `\npassword (shown once): ${password}`}`;
          } finally {
            await platform.close();
          }
        });
        process.stdout.write(`${message}\n`);
      } catch (error) {
        reportCommandFailure('users create-admin', error);
      }
    });
}
