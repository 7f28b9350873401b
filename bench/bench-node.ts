/**
 * A throwaway node for a benchmark: its own data directory, and either the embedded PostgreSQL or,
 * when SHULIU_DATABASE_URL is set, a new database beside it. `close()` stops the node and removes both.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig, startNode, type RunningNode } from '@shuliu/server';

export interface BenchNode {
  node: RunningNode;
  dataDir: string;
  /** Which database the node runs on, for the printed report. */
  database: string;
  close(): Promise<void>;
}

/** Runs `sql` as the owner of `url`'s server. */
async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Starts a node on 127.0.0.1 (any free port), no demo seed, warnings-only logs. */
export async function startBenchNode(label: string): Promise<BenchNode> {
  const dataDir = await mkdtemp(join(tmpdir(), `shuliu-bench-${label}-`));
  await chmod(dataDir, 0o755); // as root, the embedded PostgreSQL runs as `postgres` and must enter it
  const external = process.env.SHULIU_DATABASE_URL;
  const name = `shuliu_bench_${label.replaceAll('-', '_')}_${Date.now()}`;
  let databaseUrl: string | undefined;
  if (external) {
    await admin(external, `CREATE DATABASE ${name}`);
    const url = new URL(external);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
  const node = await startNode(
    loadConfig({
      SHULIU_DATA_DIR: dataDir,
      SHULIU_PORT: '0',
      SHULIU_HOST: '127.0.0.1',
      SHULIU_SEED_DEMO: 'false',
      // Request logs to stdout would measure the terminal; warnings and errors still show.
      SHULIU_LOG_LEVEL: 'warn',
      ...(databaseUrl ? { SHULIU_DATABASE_URL: databaseUrl } : {}),
    }),
  );
  return {
    node,
    dataDir,
    database: external ? 'new database beside SHULIU_DATABASE_URL' : `embedded PostgreSQL in ${dataDir}`,
    async close() {
      await node.stop();
      if (external) await admin(external, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
