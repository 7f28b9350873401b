/**
 * Test fixtures for the query folder: Parquet files written by DuckDB from a SELECT into a temporary
 * folder, and their columns described the way a version records them. Used by tests only.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ColumnType, DatasetColumn } from '@shuliu/core';
import { openDuckDb, quoteLiteral, type DuckDb } from '../../../platform/duckdb/duckdb.js';

/** A DuckDB and a temporary folder for one test file; `close()` removes both. */
export interface QueryFixture {
  duckdb: DuckDb;
  dir: string;
  /** Writes `select`'s rows, in its order, to `<dir>/<name>.parquet` and describes the columns. */
  writeParquet(name: string, select: string): Promise<{ path: string; columns: DatasetColumn[] }>;
  close(): Promise<void>;
}

/** Opens a fixture; call `close()` in `afterAll`. */
export async function openQueryFixture(): Promise<QueryFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'shuliu-query-'));
  const duckdb = await openDuckDb({ threads: 2, memoryLimit: '512MB', tempDir: join(dir, 'spill') });
  return {
    duckdb,
    dir,
    async writeParquet(name, select) {
      const path = join(dir, `${name}.parquet`);
      // Small row groups, so a parallel scan could reorder rows if paging relied on luck.
      await duckdb.run(`COPY (${select}) TO ${quoteLiteral(path)} (FORMAT parquet, ROW_GROUP_SIZE 2048)`);
      const described = await duckdb.all(`DESCRIBE SELECT * FROM read_parquet(${quoteLiteral(path)})`);
      const columns = described.map((row) => {
        const physicalType = String(row.column_type);
        return { name: String(row.column_name), type: logicalType(physicalType), physicalType };
      });
      return { path, columns };
    },
    async close() {
      duckdb.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The logical type of a DuckDB physical type, as ingest assigns it. */
function logicalType(physicalType: string): ColumnType {
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/.test(physicalType)) {
    return 'integer';
  }
  if (/^(DECIMAL|DOUBLE|FLOAT)/.test(physicalType)) return 'decimal';
  if (physicalType === 'BOOLEAN') return 'boolean';
  if (physicalType === 'DATE') return 'date';
  if (physicalType.startsWith('TIMESTAMP')) return 'datetime';
  if (physicalType === 'BLOB') return 'binary';
  return 'string';
}
