/**
 * Dataset versions as other modules may attach them to a registration: for each reference, whether the
 * organization holds that version and in which state, its quality figures, and whether the referenced
 * sample is one of the dataset's and published. Only what may become public is read: no profile, no
 * personal-information findings, no sample rows.
 */
import {
  isOneOf,
  QUALITY_DIMENSIONS,
  SAMPLE_STATES,
  VERSION_STATES,
  type DatasetReference,
  type QualityDimension,
  type QualityReport,
  type SampleState,
  type VersionState,
} from '@shuliu/core';
import type { Executor } from '../../platform/db/database.js';
import { datasetsRepository as repo } from './datasets.repository.js';

/** The public figures of a quality report: overall score, grade and the six dimension scores. */
export interface QualitySummary {
  /** 0–100. */
  overall: number;
  grade: QualityReport['grade'];
  dimensions: { dimension: QualityDimension; score: number }[];
}

/** What a reference points at, as far as the referencing organization may know. */
export interface AttachableVersion {
  datasetId: string;
  versionNumber: number;
  /** The referenced sample id, null when the reference names none. */
  sampleId: string | null;
  /**
   * The version; null when the organization holds no such version (absent, or another organization's:
   * the two are not told apart).
   */
  version: {
    datasetName: string;
    state: VersionState;
    rowCount: number | null;
    /** Null until the version is processed (or when processing failed). */
    quality: QualitySummary | null;
  } | null;
  /** The referenced sample's state; `missing` when it is not a sample of this dataset; null when none named. */
  sampleState: SampleState | 'missing' | null;
}

/** The overall score, grade and dimension scores of a report, in the vocabulary's dimension order. */
export function summarizeQuality(report: QualityReport): QualitySummary {
  const scoreOf = new Map(report.dimensions.map((d) => [d.dimension, d.score]));
  return {
    overall: report.overall,
    grade: report.grade,
    dimensions: QUALITY_DIMENSIONS.flatMap((dimension) => {
      const score = scoreOf.get(dimension);
      return score === undefined ? [] : [{ dimension, score }];
    }),
  };
}

/**
 * Describes each reference (same order) for `organizationId`: three queries whatever the number of
 * references.
 * @example describeAttachable(tx, 'org_…', [{ datasetId: 'dst_…', versionNumber: 2, sampleId: 'smp_…' }])
 */
export async function describeAttachable(
  executor: Executor,
  organizationId: string,
  refs: readonly DatasetReference[],
): Promise<AttachableVersion[]> {
  if (refs.length === 0) return [];
  const owned = new Map(
    (await repo.findDatasetsByIds(executor, [...new Set(refs.map((r) => r.datasetId))]))
      .filter((d) => d.organizationId === organizationId)
      .map((d) => [d.id, d]),
  );
  const pairs = refs
    .filter((r) => owned.has(r.datasetId))
    .map((r) => ({ datasetId: r.datasetId, number: r.versionNumber }));
  const versions = new Map(
    (await repo.findVersionsByNumbers(executor, pairs)).map((v) => [`${v.datasetId}#${v.number}`, v]),
  );
  const sampleIds = [...new Set(refs.flatMap((r) => (r.sampleId ? [r.sampleId] : [])))];
  const samples = new Map((await repo.findSampleStates(executor, sampleIds)).map((s) => [s.id, s]));

  return refs.map((ref) => {
    const dataset = owned.get(ref.datasetId);
    const row = dataset ? versions.get(`${ref.datasetId}#${ref.versionNumber}`) : undefined;
    const sample = ref.sampleId ? samples.get(ref.sampleId) : undefined;
    let sampleState: AttachableVersion['sampleState'] = null;
    if (ref.sampleId)
      sampleState =
        dataset && sample?.datasetId === ref.datasetId && isOneOf(SAMPLE_STATES, sample.state)
          ? sample.state
          : 'missing';
    return {
      datasetId: ref.datasetId,
      versionNumber: ref.versionNumber,
      sampleId: ref.sampleId ?? null,
      version:
        dataset && row && isOneOf(VERSION_STATES, row.state)
          ? {
              datasetName: dataset.name,
              state: row.state,
              rowCount: row.rowCount,
              quality: row.state === 'ready' && row.quality ? summarizeQuality(row.quality) : null,
            }
          : null,
      sampleState,
    };
  });
}
