/**
 * Test support for the profile folder: Parquet files written by DuckDB from SQL in a temporary
 * directory, their columns read back the way ingest describes them, and a valid ID-number generator.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idCheckCharacter, type ColumnType, type DatasetColumn } from '@shuliu/core';
import { openDuckDb, quoteLiteral, type DuckDb } from '../../../platform/duckdb/duckdb.js';

/** A DuckDB and a scratch directory for one test file. */
export interface ParquetWorkspace {
  duckdb: DuckDb;
  dir: string;
  /** Writes `SELECT …` to `<name>.parquet` and returns its path and columns. */
  write(name: string, select: string): Promise<{ path: string; columns: DatasetColumn[] }>;
  close(): Promise<void>;
}

/** Opens a workspace; call `close` in `afterAll`. */
export async function openParquetWorkspace(): Promise<ParquetWorkspace> {
  const dir = await mkdtemp(join(tmpdir(), 'shuliu-profile-'));
  const duckdb = await openDuckDb({ threads: 2, memoryLimit: '512MB' });
  return {
    duckdb,
    dir,
    async write(name, select) {
      const path = join(dir, `${name}.parquet`);
      await duckdb.run(`COPY (${select}) TO ${quoteLiteral(path)} (FORMAT parquet)`);
      return { path, columns: await describeParquet(duckdb, path) };
    },
    async close() {
      duckdb.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The columns of a Parquet file with the logical types ingest would give them. */
export async function describeParquet(duckdb: DuckDb, path: string): Promise<DatasetColumn[]> {
  const rows = await duckdb.all(`DESCRIBE SELECT * FROM read_parquet(${quoteLiteral(path)})`);
  return rows.map((row) => {
    const physicalType = String(row.column_type);
    return { name: String(row.column_name), physicalType, type: logicalType(physicalType) };
  });
}

function logicalType(physical: string): ColumnType {
  if (physical === 'VARCHAR') return 'string';
  if (physical === 'DATE') return 'date';
  if (physical.startsWith('TIMESTAMP')) return 'datetime';
  if (physical === 'BOOLEAN') return 'boolean';
  if (physical === 'BLOB') return 'binary';
  if (/INT/.test(physical)) return 'integer';
  return 'decimal';
}

/** The `n`-th of a series of valid resident ID numbers. */
export function validIdNumber(n: number): string {
  const region = '110105';
  const year = 1950 + (n % 50);
  const month = String(1 + (n % 12)).padStart(2, '0');
  const day = String(1 + (n % 28)).padStart(2, '0');
  const sequence = String(n % 1000).padStart(3, '0');
  const body = `${region}${year}${month}${day}${sequence}`;
  return body + idCheckCharacter(body);
}
