/**
 * Integration tests' database server: the embedded PostgreSQL (under .tmp/test-postgres) or the server
 * at SHULIU_TEST_DATABASE_URL. Builds a migrated template database once; each test file clones it.
 */
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
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

export default async function setup(project: TestProject) {
  let adminUrl = process.env.SHULIU_TEST_DATABASE_URL;
  if (!adminUrl) {
    const dir = resolve('.tmp/test-postgres');
    await rm(dir, { recursive: true, force: true });
    await rm(`${dir}.password`, { force: true });
    cluster = await startEmbeddedCluster(dir, { database: 'postgres' });
    adminUrl = cluster.urlOf('postgres');
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const templateUrl = withDatabase(adminUrl, TEMPLATE_DB);
  const template = connectDatabase(templateUrl, 2);
  await migrateDatabase(template.db);
  const jobs = await startJobs(templateUrl, createLogger('silent'));
  await jobs.stop();
  await template.close();
  project.provide('pgAdminUrl', adminUrl);
  return async () => {
    await cluster?.stop();
  };
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
