/**
 * Datasets and their immutable versions: who may see and change them, and the creation of a version
 * from a completed upload (which queues its processing job).
 */
import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  versionMachine,
  type ColumnRule,
  type UpdateFrequency,
  type VersionAction,
  type VersionState,
} from '@shuliu/core';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { recordEvent } from '../../platform/events/events.js';
import { decodeCursor, pageOf } from '../../platform/http/cursor.js';
import { AppError, conflict, forbidden, notFound } from '../../platform/http/errors.js';
import {
  hasPlatformRole,
  listedOrganizations,
  type Principal,
  type UserPrincipal,
} from '../../platform/http/principal.js';
import { newId } from '../../platform/ids.js';
import type { Jobs } from '../../platform/jobs/jobs.js';
import { DATASET_EVENTS } from './datasets.events.js';
import { datasetsRepository as repo, type DatasetRow, type VersionRow } from './datasets.repository.js';
import type { UploadsService } from './uploads.service.js';

export const PROCESS_QUEUE = 'datasets.process-version';
/** Platform roles that may read every dataset (review, supervision), never change it. */
export const STAFF_ROLES = ['exchange_admin', 'exchange_reviewer', 'regulator'] as const;

/** How the caller relates to a dataset. */
export type DatasetAccess = 'member' | 'staff';

export interface DatasetsPorts {
  organizations: {
    roleOf(userId: string, organizationId: string): Promise<string | null>;
    organizationsOf(userId: string): Promise<{ id: string }[]>;
  };
}

export interface DatasetInput {
  name: string;
  description?: string;
  updateFrequency?: UpdateFrequency;
  rules?: ColumnRule[];
}

export function createDatasetsService(deps: {
  db: Db;
  clock: Clock;
  jobs: Jobs;
  ports: DatasetsPorts;
  stagingDir: string;
  uploads: () => UploadsService;
}) {
  const { db, clock, jobs, ports } = deps;

  const accessOf = async (principal: Principal, row: DatasetRow): Promise<DatasetAccess | null> => {
    if (principal.kind !== 'user') return null;
    if (await ports.organizations.roleOf(principal.userId, row.organizationId)) return 'member';
    return hasPlatformRole(principal, ...STAFF_ROLES) ? 'staff' : null;
  };

  /** The dataset if the caller may see it, else 404 (never reveal that it exists). */
  const visible = async (principal: Principal, id: string) => {
    const row = await repo.findDataset(db, id);
    const access = row ? await accessOf(principal, row) : null;
    if (!row || !access) throw notFound('datasets.dataset.not_found');
    return { dataset: row, access };
  };

  const writable = async (principal: UserPrincipal, id: string) => {
    const found = await visible(principal, id);
    if (found.access !== 'member') throw forbidden({ reason: 'not_a_member' });
    return found.dataset;
  };

  const transition = (version: VersionRow, action: VersionAction) => {
    const next = versionMachine.next(version.state as VersionState, action);
    if (!next) throw conflict('datasets.version.illegal_transition', { from: version.state, action });
    return next;
  };

  const enqueue = (versionId: string) => jobs.send(PROCESS_QUEUE, { versionId }, { singletonKey: versionId });

  return {
    accessOf,
    visible,
    writable,
    enqueue,

    async create(
      principal: UserPrincipal,
      input: DatasetInput & { organizationId: string },
      requestId: string | null,
    ) {
      if (!(await ports.organizations.roleOf(principal.userId, input.organizationId)))
        throw new AppError('datasets.organization_required', 403, { organizationId: input.organizationId });
      return db.transaction(async (tx) => {
        const row = await repo.insertDataset(tx, {
          id: newId('dst'),
          organizationId: input.organizationId,
          createdBy: principal.userId,
          name: input.name,
          description: input.description ?? '',
          updateFrequency: input.updateFrequency ?? 'irregular',
          rules: input.rules ?? [],
          maskingSalt: randomBytes(32).toString('base64url'),
        });
        await recordEvent(tx, clock, {
          type: DATASET_EVENTS.created,
          actorId: principal.userId,
          organizationId: row.organizationId,
          subjectType: 'dataset',
          subjectId: row.id,
          payload: { name: row.name },
          requestId,
        });
        return row;
      });
    },

    async update(
      principal: UserPrincipal,
      id: string,
      input: Partial<DatasetInput>,
      requestId: string | null,
    ) {
      const current = await writable(principal, id);
      return db.transaction(async (tx) => {
        const row = await repo.updateDataset(tx, current.id, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.updateFrequency !== undefined ? { updateFrequency: input.updateFrequency } : {}),
          ...(input.rules !== undefined ? { rules: input.rules } : {}),
          updatedAt: clock.now(),
        });
        await recordEvent(tx, clock, {
          type: DATASET_EVENTS.updated,
          actorId: principal.userId,
          organizationId: row.organizationId,
          subjectType: 'dataset',
          subjectId: row.id,
          payload: { fields: Object.keys(input) },
          requestId,
        });
        return row;
      });
    },

    /** The caller's organizations' datasets (every dataset for staff). */
    async list(principal: UserPrincipal, query: { organizationId?: string; cursor?: string; limit: number }) {
      const after = decodeCursor(query.cursor);
      const mine = (await ports.organizations.organizationsOf(principal.userId)).map((o) => o.id);
      const organizationIds = listedOrganizations(principal, mine, query.organizationId, STAFF_ROLES);
      if (organizationIds?.length === 0) return { items: [], nextCursor: null };
      const rows = await repo.listDatasets(db, { organizationIds, after, limit: query.limit });
      const { page, nextCursor } = pageOf(rows, query.limit, (r) => r.updatedAt);
      return { items: page, nextCursor };
    },

    /**
     * Makes a completed upload the dataset's next version and queues its processing. An upload still
     * open (truncated) is refused with how many bytes arrived.
     */
    async createVersion(
      principal: UserPrincipal,
      datasetId: string,
      uploadId: string,
      requestId: string | null,
    ) {
      await writable(principal, datasetId);
      const upload = await deps.uploads().findById(uploadId);
      if (!upload || upload.datasetId !== datasetId || upload.createdBy !== principal.userId)
        throw notFound('datasets.upload.not_found');
      if (upload.status === 'open') {
        const received = await stat(join(deps.stagingDir, upload.tusId)).then(
          (s) => s.size,
          () => 0,
        );
        throw conflict('datasets.upload.incomplete', { received, declared: upload.declaredSize });
      }
      if (upload.status !== 'complete' || !upload.blobSha256 || upload.size === null)
        throw notFound('datasets.upload.not_found');
      const version = await db.transaction(async (tx) => {
        const used = await repo.findVersionByUpload(tx, upload.id);
        if (used) throw conflict('datasets.upload.already_used', { versionId: used.id });
        const dataset = await repo.findDataset(tx, datasetId, { forUpdate: true });
        if (!dataset) throw notFound('datasets.dataset.not_found');
        const row = await repo.insertVersion(tx, {
          id: newId('dsv'),
          datasetId,
          number: dataset.latestVersion + 1,
          uploadId: upload.id,
          filename: upload.filename,
          sourceSha256: upload.blobSha256 ?? '',
          sourceSize: upload.size ?? 0,
          state: 'uploaded',
          createdBy: principal.userId,
          rulesSnapshot: { rules: dataset.rules, updateFrequency: dataset.updateFrequency },
        });
        await repo.updateDataset(tx, datasetId, { latestVersion: row.number, updatedAt: clock.now() });
        await recordEvent(tx, clock, {
          type: DATASET_EVENTS.versionCreated,
          actorId: principal.userId,
          organizationId: dataset.organizationId,
          subjectType: 'dataset_version',
          subjectId: row.id,
          payload: { datasetId, number: row.number, sha256: row.sourceSha256, size: row.sourceSize },
          requestId,
        });
        return row;
      });
      await enqueue(version.id);
      return version;
    },

    async listVersions(principal: Principal, datasetId: string) {
      await visible(principal, datasetId);
      return repo.listVersions(db, datasetId);
    },

    async getVersion(principal: Principal, datasetId: string, number: number) {
      const found = await visible(principal, datasetId);
      const version = await repo.findVersion(db, datasetId, number);
      if (!version) throw notFound('datasets.version.not_found');
      return { ...found, version };
    },

    /** Records that the caller exported a version's rows (evidence of who took the full data). */
    recordExport: (
      principal: UserPrincipal,
      dataset: DatasetRow,
      version: VersionRow,
      format: string,
      requestId: string | null,
    ) =>
      db.transaction((tx) =>
        recordEvent(tx, clock, {
          type: DATASET_EVENTS.versionExported,
          actorId: principal.userId,
          organizationId: dataset.organizationId,
          subjectType: 'dataset_version',
          subjectId: version.id,
          payload: { format },
          requestId,
        }),
      ),

    /** Runs a failed version's processing again (after a fix on the node, or a transient failure). */
    async retry(principal: UserPrincipal, datasetId: string, number: number, requestId: string | null) {
      const dataset = await writable(principal, datasetId);
      const version = await db.transaction(async (tx) => {
        const current = await repo.findVersion(tx, datasetId, number);
        if (!current) throw notFound('datasets.version.not_found');
        const state = transition(current, 'retry');
        const row = await repo.updateVersion(tx, current.id, {
          state,
          progress: 0,
          stage: null,
          attempts: 0,
        });
        await recordEvent(tx, clock, {
          type: DATASET_EVENTS.versionRetried,
          actorId: principal.userId,
          organizationId: dataset.organizationId,
          subjectType: 'dataset_version',
          subjectId: row.id,
          payload: { number },
          requestId,
        });
        return row;
      });
      await enqueue(version.id);
      return version;
    },
  };
}

export type DatasetsService = ReturnType<typeof createDatasetsService>;
