/**
 * Queries of the datasets module: datasets, versions and samples.
 */
import { and, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { CursorPosition } from '../../platform/http/cursor.js';
import { datasetSamples, datasets, datasetVersions } from './datasets.tables.js';

export type DatasetRow = typeof datasets.$inferSelect;
export type VersionRow = typeof datasetVersions.$inferSelect;
export type SampleRow = typeof datasetSamples.$inferSelect;

/** The columns a version list shows: not the profile, columns or ingest report (large JSON). */
const summaryColumns = {
  id: datasetVersions.id,
  datasetId: datasetVersions.datasetId,
  number: datasetVersions.number,
  filename: datasetVersions.filename,
  sourceSha256: datasetVersions.sourceSha256,
  sourceSize: datasetVersions.sourceSize,
  state: datasetVersions.state,
  progress: datasetVersions.progress,
  stage: datasetVersions.stage,
  format: datasetVersions.format,
  rowCount: datasetVersions.rowCount,
  quality: datasetVersions.quality,
  personalInfo: datasetVersions.personalInfo,
  createdAt: datasetVersions.createdAt,
  processedAt: datasetVersions.processedAt,
};
export type VersionSummaryRow = Pick<VersionRow, keyof typeof summaryColumns>;

export const datasetsRepository = {
  insertDataset: async (db: Executor, values: typeof datasets.$inferInsert): Promise<DatasetRow> => {
    const [row] = await db.insert(datasets).values(values).returning();
    if (!row) throw new Error('dataset insert returned nothing');
    return row;
  },

  findDataset: async (db: Executor, id: string, options: { forUpdate?: boolean } = {}) => {
    const query = db.select().from(datasets).where(eq(datasets.id, id)).limit(1);
    const rows = options.forUpdate ? await query.for('update') : await query;
    return rows[0] ?? null;
  },

  updateDataset: async (db: Executor, id: string, values: Partial<typeof datasets.$inferInsert>) => {
    const [row] = await db.update(datasets).set(values).where(eq(datasets.id, id)).returning();
    if (!row) throw new Error('dataset update returned nothing');
    return row;
  },

  /** A page of datasets, newest change first; `organizationIds` undefined = all. */
  listDatasets: (
    db: Executor,
    filter: { organizationIds?: string[]; after: CursorPosition | null; limit: number },
  ) => {
    const conditions: SQL[] = [];
    if (filter.organizationIds) conditions.push(inArray(datasets.organizationId, filter.organizationIds));
    if (filter.after) {
      const cond = or(
        lt(datasets.updatedAt, filter.after.at),
        and(eq(datasets.updatedAt, filter.after.at), lt(datasets.id, filter.after.id)),
      );
      if (cond) conditions.push(cond);
    }
    return db
      .select()
      .from(datasets)
      .where(and(...conditions))
      .orderBy(desc(datasets.updatedAt), desc(datasets.id))
      .limit(filter.limit + 1);
  },

  insertVersion: async (db: Executor, values: typeof datasetVersions.$inferInsert): Promise<VersionRow> => {
    const [row] = await db.insert(datasetVersions).values(values).returning();
    if (!row) throw new Error('version insert returned nothing');
    return row;
  },

  findVersion: async (db: Executor, datasetId: string, number: number) =>
    (
      await db
        .select()
        .from(datasetVersions)
        .where(and(eq(datasetVersions.datasetId, datasetId), eq(datasetVersions.number, number)))
        .limit(1)
    )[0] ?? null,

  findVersionById: async (db: Executor, id: string, options: { forUpdate?: boolean } = {}) => {
    const query = db.select().from(datasetVersions).where(eq(datasetVersions.id, id)).limit(1);
    const rows = options.forUpdate ? await query.for('update') : await query;
    return rows[0] ?? null;
  },

  findVersionByUpload: async (db: Executor, uploadId: string) =>
    (await db.select().from(datasetVersions).where(eq(datasetVersions.uploadId, uploadId)).limit(1))[0] ??
    null,

  listVersions: (db: Executor, datasetId: string): Promise<VersionSummaryRow[]> =>
    db
      .select(summaryColumns)
      .from(datasetVersions)
      .where(eq(datasetVersions.datasetId, datasetId))
      .orderBy(desc(datasetVersions.number)),

  updateVersion: async (db: Executor, id: string, values: Partial<typeof datasetVersions.$inferInsert>) => {
    const [row] = await db.update(datasetVersions).set(values).where(eq(datasetVersions.id, id)).returning();
    if (!row) throw new Error('version update returned nothing');
    return row;
  },

  insertSample: async (db: Executor, values: typeof datasetSamples.$inferInsert): Promise<SampleRow> => {
    const [row] = await db.insert(datasetSamples).values(values).returning();
    if (!row) throw new Error('sample insert returned nothing');
    return row;
  },

  findSample: async (db: Executor, id: string, options: { forUpdate?: boolean } = {}) => {
    const query = db.select().from(datasetSamples).where(eq(datasetSamples.id, id)).limit(1);
    const rows = options.forUpdate ? await query.for('update') : await query;
    return rows[0] ?? null;
  },

  /** Datasets by id (absent ids are simply missing from the result). */
  findDatasetsByIds: (db: Executor, ids: string[]) =>
    ids.length === 0
      ? Promise.resolve([])
      : db
          .select({ id: datasets.id, organizationId: datasets.organizationId, name: datasets.name })
          .from(datasets)
          .where(inArray(datasets.id, ids)),

  /** The versions named by (dataset, number) pairs: state, size and quality only (no profile, no findings). */
  findVersionsByNumbers: (db: Executor, pairs: { datasetId: string; number: number }[]) => {
    const wanted = or(
      ...pairs.map((p) =>
        and(eq(datasetVersions.datasetId, p.datasetId), eq(datasetVersions.number, p.number)),
      ),
    );
    return pairs.length === 0 || !wanted
      ? Promise.resolve([])
      : db
          .select({
            datasetId: datasetVersions.datasetId,
            number: datasetVersions.number,
            state: datasetVersions.state,
            rowCount: datasetVersions.rowCount,
            quality: datasetVersions.quality,
          })
          .from(datasetVersions)
          .where(wanted);
  },

  /** Samples by id: which dataset they belong to and their state only (no rows). */
  findSampleStates: (db: Executor, ids: string[]) =>
    ids.length === 0
      ? Promise.resolve([])
      : db
          .select({ id: datasetSamples.id, datasetId: datasetSamples.datasetId, state: datasetSamples.state })
          .from(datasetSamples)
          .where(inArray(datasetSamples.id, ids)),

  /** A dataset's samples, newest first, each with the number of the version it was drawn from. */
  listSamples: (db: Executor, datasetId: string) =>
    db
      .select({ sample: datasetSamples, versionNumber: datasetVersions.number })
      .from(datasetSamples)
      .innerJoin(datasetVersions, eq(datasetVersions.id, datasetSamples.versionId))
      .where(eq(datasetSamples.datasetId, datasetId))
      .orderBy(desc(datasetSamples.createdAt)),

  updateSample: async (db: Executor, id: string, values: Partial<typeof datasetSamples.$inferInsert>) => {
    const [row] = await db.update(datasetSamples).set(values).where(eq(datasetSamples.id, id)).returning();
    if (!row) throw new Error('sample update returned nothing');
    return row;
  },
};
