/**
 * Reading a ready version's normalized Parquet copy: paged preview, the capped query, the streaming
 * export and random draws for samples. Each call opens its own small DuckDB and closes it after.
 * Callers who are not members of the holding organization (reviewers, the regulator) see columns
 * with personal information masked.
 */
import {
  isPersonalKind,
  maskForKind,
  MAX_QUERY_ROWS,
  type DatasetColumn,
  type PersonalInfoKind,
  type RowFilter,
} from '@shuliu/core';
import type { DatasetsConfig } from '../../config/datasets.config.js';
import { openDuckDb, quoteIdent, quoteLiteral, type DuckDb } from '../../platform/duckdb/duckdb.js';
import { AppError, badRequest, conflict } from '../../platform/http/errors.js';
import type { BlobStore } from '../../platform/storage/blob-store.js';
import type { DatasetAccess } from './datasets.service.js';
import type { VersionRow } from './datasets.repository.js';
import { buildCountQuery, buildRowsQuery, type QueryError } from './query/build-query.js';
import { exportRows } from './query/export.js';
import { countRows, readRows } from './query/read-rows.js';

type Cell = string | number | boolean | null;

export interface RowsRequest {
  select?: string[];
  filters?: RowFilter[];
  sort?: { column: string; direction: 'asc' | 'desc' }[];
  limit?: number;
  offset?: number;
}

/** Parses `col:asc,col2:desc`. */
export function parseSort(sort: string | undefined): RowsRequest['sort'] {
  if (!sort) return undefined;
  return sort.split(',').map((part) => {
    const at = part.lastIndexOf(':');
    const column = at > 0 ? part.slice(0, at) : part;
    const direction = at > 0 ? part.slice(at + 1) : 'asc';
    if (direction !== 'asc' && direction !== 'desc') throw badRequest('datasets.query.bad_filter');
    return { column, direction };
  });
}

/** Parses the JSON filter parameter. */
export function parseFilters(filters: string | undefined): RowFilter[] | undefined {
  if (!filters) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(filters);
  } catch {
    throw badRequest('datasets.query.bad_filter');
  }
  if (!Array.isArray(value)) throw badRequest('datasets.query.bad_filter');
  return value.map((f: unknown) => {
    if (typeof f !== 'object' || f === null) throw badRequest('datasets.query.bad_filter');
    const { column, op, value: v } = f as Record<string, unknown>;
    if (typeof column !== 'string' || typeof op !== 'string') throw badRequest('datasets.query.bad_filter');
    if (v !== undefined && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')
      throw badRequest('datasets.query.bad_filter');
    return { column, op, ...(v !== undefined ? { value: v } : {}) } as RowFilter;
  });
}

/** A built query, or the 400 its validation error calls for. */
function orBadRequest<T extends object>(query: T | QueryError): T {
  if ('error' in query) throw new AppError(query.error.code, 400, query.error.details);
  return query;
}

export function createVersionReader(deps: { storage: BlobStore; config: DatasetsConfig }) {
  const open = () =>
    openDuckDb({
      threads: deps.config.SHULIU_DUCKDB_THREADS,
      memoryLimit: deps.config.SHULIU_DUCKDB_MEMORY_LIMIT,
    });

  const parquetOf = async (version: VersionRow) => {
    if (version.state !== 'ready' || !version.normalizedSha256 || !version.columns)
      throw conflict('datasets.version.not_ready', { state: version.state });
    const path = await deps.storage.localFile(version.normalizedSha256);
    if (!path) throw new Error(`normalized copy ${version.normalizedSha256} is missing from the store`);
    return { path, columns: version.columns };
  };

  /** Columns to mask for this caller, with the kind of personal information each holds. */
  const maskedColumns = (version: VersionRow, access: DatasetAccess): Map<string, PersonalInfoKind> => {
    const masked = new Map<string, PersonalInfoKind>();
    if (access === 'member') return masked;
    for (const f of version.personalInfo ?? [])
      if (isPersonalKind(f.kind) && !masked.has(f.column)) masked.set(f.column, f.kind);
    return masked;
  };

  const maskRows = (columns: DatasetColumn[], rows: Cell[][], masked: Map<string, PersonalInfoKind>) => {
    if (masked.size === 0) return rows;
    const kinds = columns.map((c) => masked.get(c.name));
    return rows.map((row) =>
      row.map((v, i) => {
        const kind = kinds[i];
        return kind && v !== null ? maskForKind(kind, String(v)) : v;
      }),
    );
  };

  const built = (path: string, columns: DatasetColumn[], request: RowsRequest) =>
    orBadRequest(buildRowsQuery({ parquetPath: path, columns, ...request }));

  const withDuckDb = async <T>(fn: (duckdb: DuckDb) => Promise<T>): Promise<T> => {
    const duckdb = await open();
    try {
      return await fn(duckdb);
    } finally {
      duckdb.close();
    }
  };

  return {
    /** A page of rows and the number matching the filters. */
    async rows(version: VersionRow, access: DatasetAccess, request: RowsRequest) {
      const { path, columns } = await parquetOf(version);
      const query = built(path, columns, request);
      const count = orBadRequest(
        buildCountQuery({
          parquetPath: path,
          columns,
          ...(request.filters ? { filters: request.filters } : {}),
        }),
      );
      const masked = maskedColumns(version, access);
      return withDuckDb(async (duckdb) => {
        const result = await readRows(duckdb, query);
        return {
          columns: result.columns,
          rows: maskRows(result.columns, result.rows, masked),
          total: await countRows(duckdb, count),
          masked: [...masked.keys()].filter((name) => result.columns.some((c) => c.name === name)),
        };
      });
    },

    /** At most `limit` (≤ MAX_QUERY_ROWS) rows; `truncated` when more matched. */
    async query(version: VersionRow, access: DatasetAccess, request: RowsRequest) {
      const { path, columns } = await parquetOf(version);
      const limit = Math.min(request.limit ?? MAX_QUERY_ROWS, MAX_QUERY_ROWS);
      const query = built(path, columns, { ...request, limit: limit + 1 });
      const masked = maskedColumns(version, access);
      return withDuckDb(async (duckdb) => {
        const result = await readRows(duckdb, query);
        return {
          columns: result.columns,
          rows: maskRows(result.columns, result.rows.slice(0, limit), masked),
          truncated: result.rows.length > limit,
          masked: [...masked.keys()].filter((name) => result.columns.some((c) => c.name === name)),
        };
      });
    },

    /** Streams every matching row (members only: the caller checks). The stream closes DuckDB. */
    async export(version: VersionRow, request: Omit<RowsRequest, 'limit'>, format: 'csv' | 'ndjson') {
      const { path, columns } = await parquetOf(version);
      const query = built(path, columns, request);
      const duckdb = await open();
      const chunks = exportRows({ duckdb, built: query, format });
      return (async function* () {
        try {
          yield* chunks;
        } finally {
          duckdb.close();
        }
      })();
    },

    /** `n` rows drawn at random (repeatable per version), in column order. */
    async sampleRows(version: VersionRow, columns: DatasetColumn[], n: number): Promise<Cell[][]> {
      const { path } = await parquetOf(version);
      const list = columns.map((c) => quoteIdent(c.name)).join(', ');
      return withDuckDb(async (duckdb) => {
        const sql = `SELECT ${list} FROM read_parquet(${quoteLiteral(path)}) USING SAMPLE reservoir(${Math.floor(n)} ROWS) REPEATABLE (7)`;
        const reader = await duckdb.connection.runAndReadAll(sql);
        return reader.getRowsJson() as Cell[][];
      });
    },
  };
}

export type VersionReader = ReturnType<typeof createVersionReader>;
