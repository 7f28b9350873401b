/**
 * The datasets module: resumable uploads, immutable versions with their processing job, preview,
 * query and export, masked samples.
 */
import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetReference } from '@shuliu/core';
import type { Executor } from '../../platform/db/database.js';
import type { PlatformDeps } from '../../platform/deps.js';
import { describeAttachable } from './datasets.attachments.js';
import { createProcessor } from './datasets.processing.js';
import { createVersionReader } from './datasets.reading.js';
import { datasetsRoutes } from './datasets.routes.js';
import { createDatasetsService, PROCESS_QUEUE, type DatasetsPorts } from './datasets.service.js';
import { createSamplesService } from './samples.service.js';
import { createTusHandler, UPLOADS_PATH } from './uploads.tus.js';
import { createUploadsService, type UploadsService } from './uploads.service.js';

export type { DatasetsService } from './datasets.service.js';
export type { AttachableVersion, QualitySummary } from './datasets.attachments.js';
export { UPLOADS_PATH } from './uploads.tus.js';
export { runPipeline, type PipelineOutput } from './datasets.pipeline.js';

const SWEEP_QUEUE = 'datasets.sweep-uploads';

/** Wires the datasets module. */
export function registerDatasets(deps: PlatformDeps, ports: DatasetsPorts) {
  const dataDir = deps.config.database.SHULIU_DATA_DIR;
  const stagingDir = join(dataDir, 'uploads');
  const workRoot = join(dataDir, 'work');
  mkdirSync(stagingDir, { recursive: true });
  const db = deps.database.db;
  const late: { uploads?: UploadsService } = {};
  const datasets = createDatasetsService({
    db,
    clock: deps.clock,
    jobs: deps.jobs,
    ports,
    stagingDir,
    uploads: () => {
      if (!late.uploads) throw new Error('uploads service not wired');
      return late.uploads;
    },
  });
  const uploads = createUploadsService({
    db,
    clock: deps.clock,
    storage: deps.storage,
    ports: {
      writableDataset: async (principal, datasetId) => datasets.writable(principal, datasetId),
      createVersion: async (principal, datasetId, uploadId, requestId) =>
        datasets.createVersion(principal, datasetId, uploadId, requestId),
    },
  });
  const reader = createVersionReader({ storage: deps.storage, config: deps.config.datasets });
  const samples = createSamplesService({ db, clock: deps.clock, datasets, reader });
  const tus = createTusHandler({ stagingDir, uploads, log: deps.log });
  const processVersion = createProcessor({
    db,
    clock: deps.clock,
    storage: deps.storage,
    config: deps.config.datasets,
    workRoot,
    log: deps.log,
  });
  late.uploads = uploads;
  const uploadsService = uploads;

  /** Discards uploads abandoned for longer than the configured expiry. */
  const sweepUploads = async () => {
    const before = new Date(
      deps.clock.now().getTime() - deps.config.datasets.SHULIU_UPLOAD_EXPIRY_HOURS * 3_600_000,
    );
    for (const row of await uploadsService.staleOpen(before)) {
      await tus.store.remove(row.tusId).catch(() => rm(join(stagingDir, row.tusId), { force: true }));
      await uploadsService.expire(row);
    }
  };

  return {
    router: datasetsRoutes({ db, datasets, samples, reader }),
    tus: { path: UPLOADS_PATH, handler: tus.handler },
    service: {
      datasets,
      samples,
      uploads: uploadsService,
      processVersion,
      sweepUploads,
      /** Dataset versions as registrations reference them (registry checks, catalog product pages). */
      attachable: {
        /** Each reference's version state, quality figures and sample state, for `organizationId`. */
        describe: (executor: Executor, organizationId: string, refs: readonly DatasetReference[]) =>
          describeAttachable(executor, organizationId, refs),
      },
    },
    async start() {
      await deps.jobs.work<{ versionId: string }>(PROCESS_QUEUE, (job) => processVersion(job.versionId));
      await deps.jobs.work(SWEEP_QUEUE, sweepUploads);
      await deps.jobs.schedule(SWEEP_QUEUE, '17 * * * *');
    },
  };
}

export type DatasetsModule = ReturnType<typeof registerDatasets>['service'];
