/**
 * The only place dataset responses are shaped.
 */
import {
  containsUnmaskedPersonalInfo,
  type DatasetFormat,
  type SampleState,
  type UpdateFrequency,
  type VersionState,
} from '@shuliu/core';
import type { DatasetRow, SampleRow, VersionRow, VersionSummaryRow } from './datasets.repository.js';
import type { DatasetAccess } from './datasets.service.js';
import { blockingColumnsOf } from './samples.service.js';

export const presentDataset = (row: DatasetRow, access: DatasetAccess) => ({
  id: row.id,
  organizationId: row.organizationId,
  name: row.name,
  description: row.description,
  updateFrequency: row.updateFrequency as UpdateFrequency,
  rules: row.rules,
  latestVersion: row.latestVersion,
  access,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export const presentVersionSummary = (v: VersionSummaryRow) => ({
  id: v.id,
  datasetId: v.datasetId,
  number: v.number,
  filename: v.filename,
  sourceSha256: v.sourceSha256,
  sourceSize: v.sourceSize,
  state: v.state as VersionState,
  progress: v.progress,
  stage: v.stage,
  format: v.format as DatasetFormat | null,
  rowCount: v.rowCount,
  qualityScore: v.quality?.overall ?? null,
  qualityGrade: v.quality?.grade ?? null,
  personalInfoColumns: containsUnmaskedPersonalInfo(v.personalInfo ?? []),
  createdAt: v.createdAt.toISOString(),
  processedAt: v.processedAt?.toISOString() ?? null,
});

export const presentVersion = (v: VersionRow) => ({
  ...presentVersionSummary(v),
  normalizedSha256: v.normalizedSha256,
  columns: v.columns ?? null,
  ingest: v.ingest ?? null,
  profile: v.profile ?? null,
  personalInfo: v.personalInfo ?? null,
  quality: v.quality ?? null,
});

export const presentSample = (s: SampleRow, versionNumber: number | null) => ({
  id: s.id,
  datasetId: s.datasetId,
  versionId: s.versionId,
  versionNumber,
  state: s.state as SampleState,
  rowCount: s.rowCount,
  masking: s.masking,
  columns: s.columns,
  rows: s.rows,
  residualFindings: s.residualFindings,
  blockingColumns: blockingColumnsOf(s),
  createdAt: s.createdAt.toISOString(),
  publishedAt: s.publishedAt?.toISOString() ?? null,
});
