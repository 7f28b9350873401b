/**
 * `shuliu migrate` and `shuliu verify-log` run through commander against a real PostgreSQL, the way
 * an operator runs them with SHULIU_DATABASE_URL set.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { connectDatabase, type Database } from '@shuliu/server';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { systemClock } from '../../../server/src/platform/clock.js';
import { recordEvent } from '../../../server/src/platform/events/events.js';
import { createTestDatabase } from '../../../server/src/test/test-database.js';
import { takeFailureCode } from './database.js';
import { registerMigrateCommand } from './migrate.command.js';
import { registerVerifyLogCommand } from './verify-log.command.js';

const MIGRATIONS = readdirSync(fileURLToPath(new URL('../../../server/drizzle', import.meta.url))).filter(
  (file) => file.endsWith('.sql'),
).length;
const savedUrl = process.env.SHULIU_DATABASE_URL;

/** Runs `shuliu <args>` against `url` and returns what it printed and the exit code it set. */
async function runCli(url: string, ...args: string[]): Promise<{ out: string; exitCode: number }> {
  process.env.SHULIU_DATABASE_URL = url;
  const program = new Command('shuliu').exitOverride();
  registerMigrateCommand(program);
  registerVerifyLogCommand(program);
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    await program.parseAsync(args, { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  return { out: chunks.join(''), exitCode: takeFailureCode() };
}

afterEach(() => {
  takeFailureCode();
});
afterAll(() => {
  if (savedUrl === undefined) delete process.env.SHULIU_DATABASE_URL;
  else process.env.SHULIU_DATABASE_URL = savedUrl;
});

describe('shuliu migrate', () => {
  const admin = connectDatabase(inject('pgAdminUrl'), 1);
  const name = `shuliu_cli_${randomBytes(5).toString('hex')}`;
  const url = new URL(inject('pgAdminUrl'));
  url.pathname = `/${name}`;

  beforeAll(async () => {
    await admin.pool.query(`CREATE DATABASE ${name}`);
  });
  afterAll(async () => {
    await admin.pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  });

  it('applies every committed migration to an empty database, then nothing the second time', async () => {
    expect(MIGRATIONS).toBeGreaterThan(0);
    const first = await runCli(url.toString(), 'migrate');
    expect(first.out).toContain(`applied ${MIGRATIONS} new migration(s); ${MIGRATIONS} in total`);
    const second = await runCli(url.toString(), 'migrate');
    expect(second.out).toContain(`applied 0 new migration(s); ${MIGRATIONS} in total`);
    expect(second.exitCode).toBe(0);
  });
});

describe('shuliu verify-log', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    for (let n = 1; n <= 3; n++) {
      await database.db.transaction((tx) =>
        recordEvent(tx, systemClock, {
          type: 'test.thing.happened',
          subjectType: 'thing',
          subjectId: `t_${n}`,
        }),
      );
    }
  });
  afterAll(async () => {
    await database.close();
  });

  it('reports an intact chain with its head hash and exits 0', async () => {
    const head = await database.pool.query<{ hash: string }>(
      'SELECT hash FROM events ORDER BY seq DESC LIMIT 1',
    );
    const { out, exitCode } = await runCli(database.url, 'verify-log');
    expect(out).toMatch(/checked\s+3 event\(s\)/);
    expect(out).toContain(`head hash    ${head.rows[0]?.hash}`);
    expect(out).toContain('first break  none');
    expect(exitCode).toBe(0);
  });

  it('names the first altered event and exits 1', async () => {
    await database.pool.query('ALTER TABLE events DISABLE TRIGGER events_no_update');
    await database.pool.query(`UPDATE events SET payload = '{"forged": true}' WHERE seq = 2`);
    await database.pool.query('ALTER TABLE events ENABLE TRIGGER events_no_update');
    const { out, exitCode } = await runCli(database.url, 'verify-log');
    expect(out).toMatch(/checked\s+1 event\(s\)/);
    expect(out).toContain('first break  event #2: hash does not match');
    expect(exitCode).toBe(1);
    const json = await runCli(database.url, 'verify-log', '--json');
    expect(JSON.parse(json.out)).toMatchObject({
      checked: 1,
      firstBreak: { seq: 2, reason: 'hash_mismatch' },
    });
  });
});
