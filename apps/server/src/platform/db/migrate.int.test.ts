import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { connectDatabase } from './database.js';
import { migrateDatabase } from './migrate.js';

/** The migrations committed in the journal: each must be applied exactly once. */
const journal = JSON.parse(
  readFileSync(new URL('../../../drizzle/meta/_journal.json', import.meta.url), 'utf8'),
) as { entries: unknown[] };

describe('migrations', () => {
  it('let several server copies start on an empty database at the same moment', async () => {
    const adminUrl = inject('pgAdminUrl');
    const name = `shuliu_m_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const copies = [1, 2, 3].map(() => connectDatabase(url.toString(), 3));
    try {
      const outcomes = await Promise.allSettled(copies.map((copy) => migrateDatabase(copy)));
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
      const applied = await copies[0]?.pool.query(
        'SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations',
      );
      expect(journal.entries.length).toBeGreaterThanOrEqual(4);
      expect(applied?.rows[0]).toEqual({ n: journal.entries.length });
    } finally {
      await Promise.all(copies.map((copy) => copy.close()));
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
