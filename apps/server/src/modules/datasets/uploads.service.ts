/**
 * The records behind resumable uploads: opened when tus creates an upload, completed when the last
 * byte arrives (hashed, checked against the declared SHA-256, moved into the content-addressed store).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { and, eq, lt } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { recordEvent } from '../../platform/events/events.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import type { UserPrincipal } from '../../platform/http/principal.js';
import { newId } from '../../platform/ids.js';
import type { BlobStore } from '../../platform/storage/blob-store.js';
import { isSha256Hex } from '../../platform/storage/hash-to-file.js';
import { DATASET_EVENTS } from './datasets.events.js';
import { uploads } from './datasets.tables.js';

export type UploadRow = typeof uploads.$inferSelect;

/** What a finished upload answers to the client. */
export interface CompletedUpload {
  uploadId: string;
  sha256: string;
  size: number;
  datasetId: string;
  versionId: string | null;
  versionNumber: number | null;
}

export interface UploadsPorts {
  /** Throws unless the caller may add versions to the dataset; returns its organization. */
  writableDataset(principal: UserPrincipal, datasetId: string): Promise<{ organizationId: string }>;
  /** Makes the completed upload the dataset's next version. */
  createVersion(
    principal: UserPrincipal,
    datasetId: string,
    uploadId: string,
    requestId: string | null,
  ): Promise<{ id: string; number: number }>;
}

/** SHA-256 of a file, streamed. */
async function hashFile(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}

export function createUploadsService(deps: {
  db: Db;
  clock: Clock;
  storage: BlobStore;
  ports: UploadsPorts;
}) {
  const { db, clock, storage, ports } = deps;

  const fail = async (row: UploadRow, failure: { code: string; message: string }, requestId: string | null) =>
    db.transaction(async (tx) => {
      await tx
        .update(uploads)
        .set({ status: 'failed', failure, completedAt: clock.now() })
        .where(eq(uploads.id, row.id));
      await recordEvent(tx, clock, {
        type: DATASET_EVENTS.uploadRejected,
        actorId: row.createdBy,
        organizationId: row.organizationId,
        subjectType: 'upload',
        subjectId: row.id,
        payload: failure,
        requestId,
      });
    });

  return {
    /** Records a new upload for a dataset the caller may write to. */
    async open(
      principal: UserPrincipal,
      input: {
        tusId: string;
        size: number;
        metadata: Record<string, string | null>;
        requestId: string | null;
      },
    ): Promise<UploadRow> {
      const filename = input.metadata.filename ?? input.metadata.name;
      if (!filename) throw badRequest('datasets.upload.metadata_required', { field: 'filename' });
      const datasetId = input.metadata.datasetId;
      if (!datasetId) throw badRequest('datasets.upload.metadata_required', { field: 'datasetId' });
      const declared = input.metadata.sha256?.toLowerCase() ?? null;
      if (declared !== null && !isSha256Hex(declared)) throw badRequest('datasets.upload.bad_checksum');
      const { organizationId } = await ports.writableDataset(principal, datasetId);
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(uploads)
          .values({
            id: newId('upl'),
            tusId: input.tusId,
            createdBy: principal.userId,
            organizationId,
            datasetId,
            filename: filename.split(/[\\/]/).pop()?.slice(0, 200) || 'upload',
            declaredSize: input.size,
            declaredSha256: declared,
            status: 'open',
          })
          .returning();
        if (!row) throw new Error('upload insert returned nothing');
        await recordEvent(tx, clock, {
          type: DATASET_EVENTS.uploadStarted,
          actorId: principal.userId,
          organizationId,
          subjectType: 'upload',
          subjectId: row.id,
          payload: { datasetId, filename: row.filename, size: input.size },
          requestId: input.requestId,
        });
        return row;
      });
    },

    findByTusId: async (tusId: string): Promise<UploadRow | null> =>
      (await db.select().from(uploads).where(eq(uploads.tusId, tusId)).limit(1))[0] ?? null,

    findById: async (id: string): Promise<UploadRow | null> =>
      (await db.select().from(uploads).where(eq(uploads.id, id)).limit(1))[0] ?? null,

    /**
     * The last byte arrived: hash the staged file, refuse a checksum mismatch, store the bytes and
     * (for a dataset upload) create the version.
     */
    async complete(
      principal: UserPrincipal,
      tusId: string,
      staged: { path: string; requestId: string | null },
    ): Promise<CompletedUpload> {
      const row = await this.findByTusId(tusId);
      if (!row || row.createdBy !== principal.userId) throw notFound('datasets.upload.not_found');
      const actual = await hashFile(staged.path);
      if (row.declaredSha256 && row.declaredSha256 !== actual.sha256) {
        const error = new AppError('datasets.upload.checksum_mismatch', 422, {
          declared: row.declaredSha256,
          actual: actual.sha256,
        });
        await fail(
          row,
          { code: error.code, message: `declared ${row.declaredSha256}, got ${actual.sha256}` },
          staged.requestId,
        );
        throw error;
      }
      // The staged file is already hashed: the store takes it over (a rename on the file store).
      const stored = await storage.adoptFile(staged.path, actual);
      await db.transaction(async (tx) => {
        await tx
          .update(uploads)
          .set({ status: 'complete', blobSha256: stored.sha256, size: stored.size, completedAt: clock.now() })
          .where(eq(uploads.id, row.id));
        await recordEvent(tx, clock, {
          type: DATASET_EVENTS.uploadCompleted,
          actorId: principal.userId,
          organizationId: row.organizationId,
          subjectType: 'upload',
          subjectId: row.id,
          payload: { sha256: stored.sha256, size: stored.size },
          requestId: staged.requestId,
        });
      });
      const version = await ports.createVersion(principal, row.datasetId, row.id, staged.requestId);
      return {
        uploadId: row.id,
        sha256: stored.sha256,
        size: stored.size,
        datasetId: row.datasetId,
        versionId: version.id,
        versionNumber: version.number,
      };
    },

    /** Open uploads older than `before` (to discard their staged bytes). */
    staleOpen: (before: Date) =>
      db
        .select()
        .from(uploads)
        .where(and(eq(uploads.status, 'open'), lt(uploads.createdAt, before))),

    /** Marks an abandoned upload expired. */
    async expire(row: UploadRow) {
      await fail(row, { code: 'expired', message: 'upload abandoned before completion' }, null);
    },
  };
}

export type UploadsService = ReturnType<typeof createUploadsService>;
