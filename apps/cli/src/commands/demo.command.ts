import type { Command } from 'commander';
import { formatDemoLogins, openPlatform, publicUrlOf, resetDatabase, seedDemo } from '@shuliu/server';
import { describeDatabase, failCommand, reportCommandFailure, withConfiguredDatabase } from './database.js';
import { loadConfigOrExit } from './start.command.js';

/** `shuliu demo`: wipes the configured database and seeds the demo exchange. */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'Reset the database (everything is deleted!) and seed the demo exchange; prints the demo logins',
    )
    .option('--yes', 'do not ask: required when the database is external (SHULIU_DATABASE_URL)')
    .action(async (options: { yes?: boolean }) => {
      const config = loadConfigOrExit();
      if (config.database.SHULIU_DATABASE_URL && !options.yes) {
        process.stderr.write(`refusing to wipe ${describeDatabase(config)} without --yes\n`);
        failCommand(2);
        return;
      }
      try {
        const logins = await withConfiguredDatabase(config, async (database) => {
          await resetDatabase(database.db);
          const platform = await openPlatform(config, { database });
          try {
            return await seedDemo(platform.built, { password: config.security.SHULIU_DEMO_PASSWORD });
          } finally {
            await platform.close();
          }
        });
        process.stdout.write(`${formatDemoLogins(logins, publicUrlOf(config))}\n`);
      } catch (error) {
        reportCommandFailure('demo', error);
      }
    });
}
