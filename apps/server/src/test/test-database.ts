/**
 * One fresh database per test file, cloned from the migrated template (fast: a file copy).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connectDatabase, type Database } from '../platform/db/database.js';

/** Name of the migrated template database the global setup builds. */
export const TEMPLATE_DB = 'shuliu_test_template';

/** Creates a database cloned from the template and returns it opened; `close` drops it. */
export async function createTestDatabase(): Promise<Database> {
  const adminUrl = inject('pgAdminUrl');
  const name = `shuliu_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return connectDatabase(url.toString(), 5, false, async () => {
    const dropper = new pg.Client({ connectionString: adminUrl });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  });
}
