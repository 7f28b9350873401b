/**
 * DuckDB in-process, for reading and profiling data files. One short-lived instance per job or
 * request batch: it holds no state between calls, is told how much memory and how many threads it may
 * use, and spills to `tempDir`. It never downloads anything (no extension autoload).
 */
import { mkdir } from 'node:fs/promises';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';

export interface DuckDbOptions {
  /** Worker threads (default 2). */
  threads?: number;
  /** e.g. `'1GB'`: DuckDB spills to `tempDir` beyond it. */
  memoryLimit?: string;
  tempDir?: string;
}

/** A DuckDB connection with the few calls the platform needs. */
export interface DuckDb {
  /** Runs a statement; values bind to `?` or `$name` placeholders. */
  run(sql: string, values?: DuckDBValue[] | Record<string, DuckDBValue>): Promise<void>;
  /** Runs a query and returns its rows as JSON-safe objects (big integers as strings, dates ISO). */
  all(sql: string, values?: DuckDBValue[] | Record<string, DuckDBValue>): Promise<Record<string, unknown>[]>;
  /** The underlying connection, for streaming results and progress. */
  connection: DuckDBConnection;
  /** Share (0–1) of the running query done, or null when DuckDB cannot tell. */
  progress(): number | null;
  /** Stops the running query. */
  interrupt(): void;
  close(): void;
}

/** Opens an in-memory DuckDB with the given limits. */
export async function openDuckDb(options: DuckDbOptions = {}): Promise<DuckDb> {
  const config: Record<string, string> = {
    threads: String(options.threads ?? 2),
    memory_limit: options.memoryLimit ?? '1GB',
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  };
  if (options.tempDir) {
    await mkdir(options.tempDir, { recursive: true });
    config.temp_directory = options.tempDir;
  }
  const instance = await DuckDBInstance.create(':memory:', config);
  const connection = await instance.connect();
  return {
    connection,
    async run(sql, values) {
      await connection.run(sql, values);
    },
    async all(sql, values) {
      const reader = await connection.runAndReadAll(sql, values);
      return reader.getRowObjectsJson();
    },
    progress() {
      const p = connection.progress;
      return p.percentage >= 0 ? Math.min(1, p.percentage / 100) : null;
    },
    interrupt: () => connection.interrupt(),
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Quotes an identifier for DuckDB SQL (column names come from users' files). */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal for DuckDB SQL, for places that take no bound parameter (file paths in COPY). */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
