/**
 * Samples (样例数据): rows drawn at random from a ready version, masked column by column (脱敏), then
 * checked again for personal information. Publication makes a sample public; it is refused, naming
 * the columns, while any column still holds personal information — either detected in the masked
 * rows, or flagged in the version and kept unmasked.
 */
import {
  applyMasking,
  containsUnmaskedPersonalInfo,
  detectColumn,
  isPersonalKind,
  type ColumnMasking,
  type PersonalInfoFinding,
} from '@shuliu/core';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { recordEvent } from '../../platform/events/events.js';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors.js';
import type { Principal, UserPrincipal } from '../../platform/http/principal.js';
import { newId } from '../../platform/ids.js';
import { DATASET_EVENTS } from './datasets.events.js';
import { datasetsRepository as repo, type SampleRow } from './datasets.repository.js';
import type { DatasetsService } from './datasets.service.js';
import type { VersionReader } from './datasets.reading.js';

/** Columns that stop a sample's publication. */
export function blockingColumnsOf(sample: Pick<SampleRow, 'residualFindings'>): string[] {
  return containsUnmaskedPersonalInfo(sample.residualFindings);
}

export function createSamplesService(deps: {
  db: Db;
  clock: Clock;
  datasets: DatasetsService;
  reader: VersionReader;
}) {
  const { db, clock, datasets, reader } = deps;

  const event = (
    type: string,
    principal: UserPrincipal,
    organizationId: string,
    sample: SampleRow,
    payload: Record<string, unknown>,
    requestId: string | null,
  ) => ({
    type,
    actorId: principal.userId,
    organizationId,
    subjectType: 'dataset_sample',
    subjectId: sample.id,
    payload,
    requestId,
  });

  /** The sample and its dataset, for a member of the holding organization. */
  const ownSample = async (principal: UserPrincipal, sampleId: string) => {
    const sample = await repo.findSample(db, sampleId);
    if (!sample) throw notFound('datasets.sample.not_found');
    const dataset = await datasets.writable(principal, sample.datasetId);
    return { sample, dataset };
  };

  return {
    /** Draws, masks and checks a sample of a ready version. */
    async create(
      principal: UserPrincipal,
      datasetId: string,
      number: number,
      input: { rows: number; columns?: string[]; masking: ColumnMasking[] },
      requestId: string | null,
    ) {
      const dataset = await datasets.writable(principal, datasetId);
      const { version } = await datasets.getVersion(principal, datasetId, number);
      if (version.state !== 'ready' || !version.columns)
        throw conflict('datasets.version.not_ready', { state: version.state });
      const known = new Set(version.columns.map((c) => c.name));
      for (const name of [...(input.columns ?? []), ...input.masking.map((m) => m.column)])
        if (!known.has(name)) throw badRequest('datasets.query.unknown_column', { column: name });
      const columns = input.columns
        ? version.columns.filter((c) => input.columns?.includes(c.name))
        : version.columns;
      const drawn = await reader.sampleRows(version, columns, input.rows);
      const findingsOf = new Map<string, PersonalInfoFinding[]>();
      for (const f of version.personalInfo ?? [])
        findingsOf.set(f.column, [...(findingsOf.get(f.column) ?? []), f]);
      const maskingOf = new Map(input.masking.map((m) => [m.column, m]));
      const rows = drawn.map((row) =>
        row.map((value, i) => {
          const column = columns[i];
          const masking = column ? maskingOf.get(column.name) : undefined;
          if (!column || !masking) return value;
          const kind = findingsOf.get(column.name)?.find((f) => isPersonalKind(f.kind))?.kind;
          return applyMasking(value, masking, { salt: dataset.maskingSalt, ...(kind ? { kind } : {}) });
        }),
      );
      const residual: PersonalInfoFinding[] = [];
      columns.forEach((column, i) => {
        const values = rows.map((r) => {
          const v = r[i];
          return v === null || v === undefined ? null : String(v);
        });
        residual.push(...detectColumn(column.name, values));
        // Flagged in the full data but kept as is: blocking even if this draw happens to miss it.
        const method = maskingOf.get(column.name)?.method ?? 'keep';
        if (method === 'keep')
          for (const f of findingsOf.get(column.name) ?? [])
            if (isPersonalKind(f.kind) && !residual.some((r) => r.column === f.column && r.kind === f.kind))
              residual.push(f);
      });
      return db.transaction(async (tx) => {
        const sample = await repo.insertSample(tx, {
          id: newId('smp'),
          datasetId,
          versionId: version.id,
          state: 'draft',
          rowCount: rows.length,
          masking: input.masking,
          columns,
          rows,
          residualFindings: residual,
          createdBy: principal.userId,
        });
        await recordEvent(
          tx,
          clock,
          event(
            DATASET_EVENTS.sampleCreated,
            principal,
            dataset.organizationId,
            sample,
            { versionId: version.id, rows: rows.length, blocking: blockingColumnsOf(sample) },
            requestId,
          ),
        );
        return sample;
      });
    },

    /** Publishes a draft; refused (422, naming the columns) while personal information remains. */
    async publish(principal: UserPrincipal, sampleId: string, requestId: string | null) {
      const { sample, dataset } = await ownSample(principal, sampleId);
      if (sample.state !== 'draft')
        throw conflict('datasets.sample.illegal_transition', { from: sample.state, action: 'publish' });
      const blocking = blockingColumnsOf(sample);
      if (blocking.length > 0) {
        await db.transaction((tx) =>
          recordEvent(
            tx,
            clock,
            event(
              DATASET_EVENTS.samplePublicationRefused,
              principal,
              dataset.organizationId,
              sample,
              { columns: blocking },
              requestId,
            ),
          ),
        );
        throw new AppError('datasets.sample.unmasked_personal_info', 422, { columns: blocking });
      }
      return db.transaction(async (tx) => {
        const locked = await repo.findSample(tx, sample.id, { forUpdate: true });
        if (locked?.state !== 'draft')
          throw conflict('datasets.sample.illegal_transition', {
            from: locked?.state ?? 'missing',
            action: 'publish',
          });
        const row = await repo.updateSample(tx, sample.id, { state: 'published', publishedAt: clock.now() });
        await recordEvent(
          tx,
          clock,
          event(DATASET_EVENTS.samplePublished, principal, dataset.organizationId, row, {}, requestId),
        );
        return row;
      });
    },

    async withdraw(principal: UserPrincipal, sampleId: string, requestId: string | null) {
      const { sample, dataset } = await ownSample(principal, sampleId);
      if (sample.state !== 'published')
        throw conflict('datasets.sample.illegal_transition', { from: sample.state, action: 'withdraw' });
      return db.transaction(async (tx) => {
        const row = await repo.updateSample(tx, sample.id, { state: 'withdrawn' });
        await recordEvent(
          tx,
          clock,
          event(DATASET_EVENTS.sampleWithdrawn, principal, dataset.organizationId, row, {}, requestId),
        );
        return row;
      });
    },

    /** A published sample for anyone; drafts and withdrawn ones for the holder and staff. */
    async get(principal: Principal, sampleId: string) {
      const sample = await repo.findSample(db, sampleId);
      if (!sample) throw notFound('datasets.sample.not_found');
      if (sample.state === 'published') return sample;
      const dataset = await repo.findDataset(db, sample.datasetId);
      if (!dataset || !(await datasets.accessOf(principal, dataset)))
        throw notFound('datasets.sample.not_found');
      return sample;
    },

    async list(principal: Principal, datasetId: string) {
      await datasets.visible(principal, datasetId);
      return repo.listSamples(db, datasetId);
    },
  };
}

export type SamplesService = ReturnType<typeof createSamplesService>;
