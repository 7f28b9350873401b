import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type {
  ColumnMasking,
  ColumnRule,
  DatasetColumn,
  DatasetProfile,
  IngestReport,
  PersonalInfoFinding,
  QualityReport,
} from '@shuliu/core';

/**
 * Resumable uploads (tus). The bytes stage on the node's disk while the upload is open; when the last
 * byte arrives they are hashed into the content-addressed store and `blob_sha256` is set.
 */
export const uploads = pgTable(
  'uploads',
  {
    id: text('id').primaryKey(),
    /** The tus upload id (also the staging file name). */
    tusId: text('tus_id').notNull(),
    createdBy: text('created_by').notNull(),
    organizationId: text('organization_id').notNull(),
    filename: text('filename').notNull(),
    /** Declared by the client at creation (Upload-Length). */
    declaredSize: bigint('declared_size', { mode: 'number' }).notNull(),
    /** The dataset the upload is for (from Upload-Metadata `datasetId`). */
    datasetId: text('dataset_id').notNull(),
    /** SHA-256 the client declared in Upload-Metadata, checked when the upload completes. */
    declaredSha256: text('declared_sha256'),
    /** open | complete | failed */
    status: text('status').notNull(),
    blobSha256: text('blob_sha256'),
    size: bigint('size', { mode: 'number' }),
    /** Why a completed upload was refused (checksum mismatch…). */
    failure: jsonb('failure').$type<{ code: string; message: string }>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('uploads_tus_idx').on(t.tusId), index('uploads_org_idx').on(t.organizationId)],
);

/** A dataset: a named series of immutable versions held by one organization. */
export const datasets = pgTable(
  'datasets',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id').notNull(),
    createdBy: text('created_by').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** A value of UPDATE_FREQUENCIES: timeliness is measured against it. */
    updateFrequency: text('update_frequency').notNull().default('irregular'),
    /** Column rules the provider declares (accuracy is measured against them). */
    rules: jsonb('rules')
      .notNull()
      .default(sql`'[]'::jsonb`)
      .$type<ColumnRule[]>(),
    latestVersion: integer('latest_version').notNull().default(0),
    /** Secret salt of this dataset's hashed sample columns (random, never shown): same value, same hash. */
    maskingSalt: text('masking_salt').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('datasets_org_idx').on(t.organizationId, t.updatedAt)],
);

/**
 * One immutable version of a dataset: the uploaded file (by hash), its normalized Parquet copy and
 * everything learned from it. Only processing fields change, and only until the version is ready.
 */
export const datasetVersions = pgTable(
  'dataset_versions',
  {
    id: text('id').primaryKey(),
    datasetId: text('dataset_id').notNull(),
    number: integer('number').notNull(),
    uploadId: text('upload_id').notNull(),
    filename: text('filename').notNull(),
    sourceSha256: text('source_sha256').notNull(),
    sourceSize: bigint('source_size', { mode: 'number' }).notNull(),
    /** uploaded | processing | ready | failed (versionMachine). */
    state: text('state').notNull(),
    /** 0–100 and the stage, while processing. */
    progress: integer('progress').notNull().default(0),
    stage: text('stage'),
    attempts: integer('attempts').notNull().default(0),
    format: text('format'),
    normalizedSha256: text('normalized_sha256'),
    normalizedSize: bigint('normalized_size', { mode: 'number' }),
    rowCount: bigint('row_count', { mode: 'number' }),
    columns: jsonb('columns').$type<DatasetColumn[]>(),
    ingest: jsonb('ingest').$type<IngestReport>(),
    profile: jsonb('profile').$type<DatasetProfile>(),
    personalInfo: jsonb('personal_info').$type<PersonalInfoFinding[]>(),
    quality: jsonb('quality').$type<QualityReport>(),
    /** Rules and update frequency as they were when the version was scored. */
    rulesSnapshot: jsonb('rules_snapshot').$type<{ rules: ColumnRule[]; updateFrequency: string }>(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('dataset_versions_number_idx').on(t.datasetId, t.number),
    // One upload makes one version.
    uniqueIndex('dataset_versions_upload_idx').on(t.uploadId),
  ],
);

/** A sample of a version with masking applied; a published sample is public. */
export const datasetSamples = pgTable(
  'dataset_samples',
  {
    id: text('id').primaryKey(),
    datasetId: text('dataset_id').notNull(),
    versionId: text('version_id').notNull(),
    /** draft | published | withdrawn */
    state: text('state').notNull(),
    rowCount: integer('row_count').notNull(),
    masking: jsonb('masking').notNull().$type<ColumnMasking[]>(),
    columns: jsonb('columns').notNull().$type<DatasetColumn[]>(),
    /** The masked rows (at most MAX_SAMPLE_ROWS), as JSON arrays in column order. */
    rows: jsonb('rows').notNull().$type<(string | number | boolean | null)[][]>(),
    /** Findings on the masked rows (what publication is judged on). */
    residualFindings: jsonb('residual_findings').notNull().$type<PersonalInfoFinding[]>(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [index('dataset_samples_dataset_idx').on(t.datasetId)],
);
