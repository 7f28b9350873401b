/**
 * The processing job of a dataset version (durable, on pg-boss): fetch the uploaded file, run the
 * pipeline (ingest → normalized Parquet → profile → personal information → quality), store the
 * Parquet copy, save the results. Every outcome ends in `ready` or `failed` with a report: bad files
 * fail with the ingest report, unexpected errors with an internal-error problem, and a version whose
 * job died three times (crash, out of memory) fails instead of looping.
 */
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  containsUnmaskedPersonalInfo,
  PROCESSING_STAGES,
  type IngestReport,
  type ProcessingStage,
} from '@shuliu/core';
import type { DatasetsConfig } from '../../config/datasets.config.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { openDuckDb } from '../../platform/duckdb/duckdb.js';
import { recordEvent } from '../../platform/events/events.js';
import type { Logger } from '../../platform/log.js';
import type { BlobStore } from '../../platform/storage/blob-store.js';
import { DATASET_EVENTS } from './datasets.events.js';
import { runPipeline } from './datasets.pipeline.js';
import { datasetsRepository as repo, type VersionRow } from './datasets.repository.js';

const MAX_ATTEMPTS = 3;

/** Overall progress (0–100) of `share` (0–1) through `stage`. */
export function progressOf(stage: ProcessingStage, share: number): number {
  let before = 0;
  for (const s of PROCESSING_STAGES) {
    if (s.stage === stage) return Math.round(before + s.weight * Math.min(1, Math.max(0, share)));
    before += s.weight;
  }
  return before;
}

const failureReport = (code: string, message: string): IngestReport => ({
  format: null,
  encoding: null,
  rowsRead: 0,
  rowsRejected: 0,
  problems: [{ code, message }],
  problemsTruncated: false,
  fatal: true,
});

export function createProcessor(deps: {
  db: Db;
  clock: Clock;
  storage: BlobStore;
  config: DatasetsConfig;
  workRoot: string;
  log: Logger;
}) {
  const { db, clock, storage, log } = deps;

  /** Moves the version to `processing` (or fails it after too many attempts); null when nothing to do. */
  const claim = (versionId: string) =>
    db.transaction(async (tx) => {
      const version = await repo.findVersionById(tx, versionId, { forUpdate: true });
      if (!version || (version.state !== 'uploaded' && version.state !== 'processing')) return null;
      const dataset = await repo.findDataset(tx, version.datasetId);
      if (!dataset) return null;
      const attempts = version.attempts + 1;
      if (attempts > MAX_ATTEMPTS) {
        await finishFailed(
          tx,
          version,
          dataset.organizationId,
          failureReport(
            'processing_aborted',
            `处理已中断 ${MAX_ATTEMPTS} 次（可能内存或磁盘不足），已停止重试。请联系平台运营方，或将文件拆分后重新上传。`,
          ),
        );
        return null;
      }
      const row = await repo.updateVersion(tx, version.id, {
        state: 'processing',
        attempts,
        progress: 0,
        stage: 'fetch',
      });
      await recordEvent(tx, clock, {
        type: DATASET_EVENTS.versionProcessingStarted,
        organizationId: dataset.organizationId,
        subjectType: 'dataset_version',
        subjectId: row.id,
        payload: { attempt: attempts },
      });
      return { version: row, organizationId: dataset.organizationId };
    });

  const finishFailed = async (
    tx: Parameters<Parameters<Db['transaction']>[0]>[0],
    version: VersionRow,
    organizationId: string,
    ingest: IngestReport,
  ) => {
    await repo.updateVersion(tx, version.id, {
      state: 'failed',
      stage: null,
      ingest,
      format: ingest.format,
      processedAt: clock.now(),
    });
    await recordEvent(tx, clock, {
      type: DATASET_EVENTS.versionFailed,
      organizationId,
      subjectType: 'dataset_version',
      subjectId: version.id,
      payload: { problems: ingest.problems.slice(0, 5).map((p) => ({ code: p.code, line: p.line ?? null })) },
    });
  };

  return async function processVersion(versionId: string): Promise<void> {
    const claimed = await claim(versionId);
    if (!claimed) return;
    const { version, organizationId } = claimed;
    const workDir = join(deps.workRoot, version.id);
    await rm(workDir, { recursive: true, force: true });
    await mkdir(workDir, { recursive: true });
    let lastWrite = 0;
    const report = (stage: ProcessingStage, share: number) => {
      const now = Date.now();
      if (now - lastWrite < 1000 && share < 1) return;
      lastWrite = now;
      // Progress is advisory: a lost write only makes the bar lag.
      void repo
        .updateVersion(db, version.id, { progress: progressOf(stage, share), stage })
        .catch((error: Error) => log.debug('progress write failed', { error: error.message }));
    };
    const duckdb = await openDuckDb({
      threads: deps.config.SHULIU_DUCKDB_THREADS,
      memoryLimit: deps.config.SHULIU_DUCKDB_MEMORY_LIMIT,
      tempDir: join(workDir, 'duckdb-tmp'),
    });
    try {
      const inputPath = await storage.localFile(version.sourceSha256);
      if (!inputPath) throw new Error(`blob ${version.sourceSha256} is missing from the store`);
      report('fetch', 1);
      const snapshot = version.rulesSnapshot ?? { rules: [], updateFrequency: 'irregular' };
      const result = await runPipeline({
        inputPath,
        filename: version.filename,
        workDir,
        duckdb,
        rules: snapshot.rules,
        updateFrequency: snapshot.updateFrequency,
        now: clock.now(),
        onProgress: report,
      });
      if (!result.parquetPath || !result.profile || !result.quality || !result.findings) {
        await db.transaction((tx) => finishFailed(tx, version, organizationId, result.ingest));
        return;
      }
      const stored = await storage.put(createReadStream(result.parquetPath));
      await db.transaction(async (tx) => {
        await repo.updateVersion(tx, version.id, {
          state: 'ready',
          progress: 100,
          stage: null,
          format: result.ingest.format,
          normalizedSha256: stored.sha256,
          normalizedSize: stored.size,
          rowCount: result.profile?.rowCount ?? 0,
          columns: result.columns,
          ingest: result.ingest,
          profile: result.profile,
          personalInfo: result.findings,
          quality: result.quality,
          processedAt: clock.now(),
        });
        await recordEvent(tx, clock, {
          type: DATASET_EVENTS.versionProcessed,
          organizationId,
          subjectType: 'dataset_version',
          subjectId: version.id,
          payload: {
            rows: result.profile?.rowCount ?? 0,
            normalizedSha256: stored.sha256,
            quality: result.quality?.overall ?? null,
            personalInfoColumns: containsUnmaskedPersonalInfo(result.findings ?? []),
          },
        });
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.error('dataset processing failed', { versionId: version.id, error: message });
      await db.transaction((tx) =>
        finishFailed(
          tx,
          version,
          organizationId,
          failureReport('internal_error', '处理时发生内部错误，请点击“重新处理”；如仍失败请联系平台运营方。'),
        ),
      );
    } finally {
      duckdb.close();
      await rm(workDir, { recursive: true, force: true });
    }
  };
}
