/**
 * Wipes a node's database back to empty (for `shuliu demo`): every schema the node owns is dropped.
 * DROP SCHEMA bypasses the event log's append-only triggers by design: this is the operator
 * destroying a demo database, not the application rewriting history.
 */
import { sql } from 'drizzle-orm';
import type { Db } from './database.js';

/** Drops the node's schemas (application tables, migration journal, job queue) and recreates `public`. */
export async function resetDatabase(db: Db): Promise<void> {
  await db.execute(sql`DROP SCHEMA IF EXISTS public CASCADE`);
  await db.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
  await db.execute(sql`DROP SCHEMA IF EXISTS pgboss CASCADE`);
  await db.execute(sql`CREATE SCHEMA public`);
}
