/**
 * The database handle every module receives: a pg pool wrapped by drizzle, plus the embedded cluster
 * when the node runs its own PostgreSQL.
 */
import { join } from 'node:path';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { DatabaseConfig } from '../../config/database.config.js';
import { startEmbeddedCluster } from './embedded.js';

/** The drizzle database. Modules declare their own tables and pass them to queries. */
export type Db = NodePgDatabase<Record<string, never>>;
/** A transaction on `Db`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either a database or an open transaction: repositories accept both. */
export type Executor = Db | Tx;

/** An open database with its pool and, for the embedded default, the cluster to stop. */
export interface Database {
  db: Db;
  pool: pg.Pool;
  url: string;
  isEmbedded: boolean;
  close(): Promise<void>;
}

/** Opens a pool on `url`. */
export function connectDatabase(
  url: string,
  poolSize = 10,
  isEmbedded = false,
  onClose?: () => Promise<void>,
): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = drizzle(pool) as Db;
  return {
    db,
    pool,
    url,
    isEmbedded,
    async close() {
      await pool.end();
      await onClose?.();
    },
  };
}

/** Opens the configured database: the external URL, or the embedded cluster under the data dir. */
export async function openDatabase(config: DatabaseConfig, log?: (line: string) => void): Promise<Database> {
  if (config.SHULIU_DATABASE_URL)
    return connectDatabase(config.SHULIU_DATABASE_URL, config.SHULIU_DB_POOL_SIZE);
  const cluster = await startEmbeddedCluster(join(config.SHULIU_DATA_DIR, 'postgres'), {
    port: config.SHULIU_EMBEDDED_PG_PORT,
    database: 'shuliu',
    ...(log ? { onLog: log } : {}),
  });
  return connectDatabase(cluster.urlOf('shuliu'), config.SHULIU_DB_POOL_SIZE, true, () => cluster.stop());
}
