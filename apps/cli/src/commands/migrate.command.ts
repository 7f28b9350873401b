import type { Command } from 'commander';
import { migrateDatabase, type Database } from '@shuliu/server';
import { describeDatabase, reportCommandFailure, withConfiguredDatabase } from './database.js';
import { loadConfigOrExit } from './start.command.js';

/** `shuliu migrate`: applies the committed migrations to the configured database. */
export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Apply database migrations to the configured database (embedded unless SHULIU_DATABASE_URL)')
    .action(async () => {
      const config = loadConfigOrExit();
      process.stdout.write(`migrating ${describeDatabase(config)}\n`);
      try {
        const { before, after } = await withConfiguredDatabase(config, applyMigrations);
        process.stdout.write(`applied ${after - before} new migration(s); ${after} in total\n`);
      } catch (error) {
        reportCommandFailure('migrate', error);
      }
    });
}

/** Applies pending migrations and returns how many were recorded before and after. */
export async function applyMigrations(database: Database): Promise<{ before: number; after: number }> {
  const before = await countAppliedMigrations(database);
  await migrateDatabase(database);
  return { before, after: await countAppliedMigrations(database) };
}

/** Migrations drizzle has recorded as applied (0 on a database never migrated). */
export async function countAppliedMigrations(database: Database): Promise<number> {
  const exists = await database.pool.query<{ found: string | null }>(
    `SELECT to_regclass('drizzle.__drizzle_migrations')::text AS found`,
  );
  if (!exists.rows[0]?.found) return 0;
  const counted = await database.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations',
  );
  return counted.rows[0]?.n ?? 0;
}
