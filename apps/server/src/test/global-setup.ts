/**
 * Integration tests' database server: a private embedded PostgreSQL (under .tmp/) or the server
 * at SHULIU_TEST_DATABASE_URL. Builds a migrated template database once; each test file clones it.
 */
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connectDatabase } from '../platform/db/database.js';
import { startEmbeddedCluster, type EmbeddedCluster } from '../platform/db/embedded.js';
import { migrateDatabase } from '../platform/db/migrate.js';
import { startJobs } from '../platform/jobs/jobs.js';
import { createLogger } from '../platform/log.js';
import { TEMPLATE_DB } from './test-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the maintenance database on the test server; test files create their databases through it. */
    pgAdminUrl: string;
  }
}

let cluster: EmbeddedCluster | undefined;
let runDir: string | undefined;

export default async function setup(project: TestProject) {
  let adminUrl = process.env.SHULIU_TEST_DATABASE_URL;
  if (!adminUrl) {
    // A private cluster per run, so parallel runs never share or clobber one another's.
    await mkdir(resolve('.tmp'), { recursive: true });
    runDir = await mkdtemp(join(resolve('.tmp'), 'test-postgres-'));
    await chmod(runDir, 0o755); // the postgres user must traverse it when we run as root
    cluster = await startEmbeddedCluster(join(runDir, 'cluster'), { database: 'postgres' });
    adminUrl = cluster.urlOf('postgres');
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const templateUrl = withDatabase(adminUrl, TEMPLATE_DB);
  const template = connectDatabase(templateUrl, 2);
  await migrateDatabase(template);
  const jobs = await startJobs(templateUrl, createLogger('silent'));
  await jobs.stop();
  await template.close();
  project.provide('pgAdminUrl', adminUrl);
  return async () => {
    await cluster?.stop();
    if (runDir) await rm(runDir, { recursive: true, force: true });
  };
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
