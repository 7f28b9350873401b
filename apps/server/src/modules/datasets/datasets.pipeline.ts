/**
 * The whole processing of one file, without the database: ingest into a normalized Parquet copy, one
 * profiling pass plus a sample, personal-information detection confirmed over the full data, rule
 * checks and the quality score. The job and the benchmark both run exactly this.
 */
import type {
  ColumnRule,
  DatasetColumn,
  DatasetProfile,
  IngestReport,
  PersonalInfoFinding,
  ProcessingStage,
  QualityReport,
} from '@shuliu/core';
import type { DuckDb } from '../../platform/duckdb/duckdb.js';
import { ingestFile } from './ingest/ingest.js';
import { scanPersonalInfo, maskProfileTopValues } from './profile/personal-info-scan.js';
import { profileParquet } from './profile/profile.js';
import { checkRules, scoreQuality } from './profile/quality.js';

export interface PipelineInput {
  inputPath: string;
  filename: string;
  workDir: string;
  duckdb: DuckDb;
  rules: ColumnRule[];
  updateFrequency: string;
  now: Date;
  onProgress?: (stage: ProcessingStage, share: number) => void;
}

export interface PipelineOutput {
  ingest: IngestReport;
  /** Null when the file could not be read (`ingest.fatal`). */
  parquetPath: string | null;
  columns: DatasetColumn[];
  profile: DatasetProfile | null;
  findings: PersonalInfoFinding[] | null;
  quality: QualityReport | null;
}

export async function runPipeline(input: PipelineInput): Promise<PipelineOutput> {
  const progress = input.onProgress ?? (() => undefined);
  const started = Date.now();
  const ingested = await ingestFile({
    inputPath: input.inputPath,
    filename: input.filename,
    workDir: input.workDir,
    duckdb: input.duckdb,
    onProgress: (share) => progress('ingest', share),
  });
  const ingestMs = Date.now() - started;
  if (ingested.report.fatal || !ingested.parquetPath)
    return {
      ingest: ingested.report,
      parquetPath: null,
      columns: [],
      profile: null,
      findings: null,
      quality: null,
    };
  const parquetPath = ingested.parquetPath;
  const columns = ingested.columns;
  progress('ingest', 1);

  const profiled = await profileParquet({
    parquetPath,
    columns,
    duckdb: input.duckdb,
    onProgress: (share) => progress('profile', share),
  });
  progress('personal_info', 0);
  const piStarted = Date.now();
  const findings = await scanPersonalInfo({
    parquetPath,
    columns,
    sample: profiled.sample,
    duckdb: input.duckdb,
  });
  const piMs = Date.now() - piStarted;
  progress('quality', 0);
  const qualityStarted = Date.now();
  const ruleViolations = await checkRules({ parquetPath, columns, rules: input.rules, duckdb: input.duckdb });
  const profile = maskProfileTopValues(profiled.profile, findings);
  profile.timings = {
    ...profile.timings,
    ingest: ingestMs,
    personalInfo: piMs,
    quality: Date.now() - qualityStarted,
  };
  const quality = scoreQuality({
    profile,
    ingest: ingested.report,
    findings,
    rules: input.rules,
    ruleViolations,
    updateFrequency: input.updateFrequency,
    sourceFormat: ingested.report.format ?? 'csv',
    now: input.now,
  });
  progress('quality', 1);
  return { ingest: ingested.report, parquetPath, columns, profile, findings, quality };
}
