/**
 * Request and response schemas of the datasets API (they become the OpenAPI text and the SDK types).
 * The shapes mirror packages/core/src/dataset.ts.
 */
import { z } from '@hono/zod-openapi';
import {
  COLUMN_TYPES,
  DATASET_FORMATS,
  FILTER_OPERATORS,
  MASKING_METHODS,
  MAX_PREVIEW_ROWS,
  MAX_QUERY_ROWS,
  MAX_SAMPLE_ROWS,
  PATTERN_CLASSES,
  PERSONAL_INFO_KINDS,
  QUALITY_DIMENSIONS,
  SAMPLE_STATES,
  TEXT_ENCODINGS,
  UPDATE_FREQUENCIES,
  VERSION_STATES,
} from '@shuliu/core';

const idParam = (name: string, description: string) =>
  z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name, in: 'path' }, description });

export const DatasetIdParam = z.object({ id: idParam('id', 'Dataset id (`dst_…`)') });
export const VersionParams = z.object({
  id: idParam('id', 'Dataset id (`dst_…`)'),
  number: z.coerce
    .number()
    .int()
    .min(1)
    .openapi({ param: { name: 'number', in: 'path' }, description: 'Version number (1, 2, …)' }),
});
export const SampleIdParam = z.object({ sampleId: idParam('sampleId', 'Sample id (`smp_…`)') });

export const ColumnRuleSchema = z
  .object({
    column: z.string().min(1).max(200).describe('Column name as in the file'),
    type: z.enum(COLUMN_TYPES).optional().describe('Declared type'),
    required: z.boolean().optional().describe('No empty values allowed'),
    min: z
      .union([z.number(), z.string().max(40)])
      .optional()
      .describe('Lower bound (numbers, dates)'),
    max: z
      .union([z.number(), z.string().max(40)])
      .optional()
      .describe('Upper bound (numbers, dates)'),
    pattern: z.string().max(500).optional().describe('Regular expression (RE2) the whole value must match'),
    allowed: z.array(z.string().max(200)).max(500).optional().describe('Allowed values'),
    unique: z.boolean().optional().describe('Values must not repeat'),
  })
  .openapi('ColumnRule');

const DatasetFields = {
  name: z.string().trim().min(1).max(200).describe('Name shown to people'),
  description: z.string().max(5000).optional().describe('What the data is'),
  updateFrequency: z
    .enum(UPDATE_FREQUENCIES)
    .optional()
    .describe('Declared update frequency (timeliness is scored against it)'),
  rules: z
    .array(ColumnRuleSchema)
    .max(500)
    .optional()
    .describe('Column rules (accuracy is scored against them)'),
};

export const CreateDatasetRequest = z
  .object({ organizationId: z.string().min(1).max(64).describe('Holding organization'), ...DatasetFields })
  .openapi('CreateDatasetRequest');
export const UpdateDatasetRequest = z
  .object({ ...DatasetFields, name: DatasetFields.name.optional() })
  .openapi('UpdateDatasetRequest');

export const DatasetResponse = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    name: z.string(),
    description: z.string(),
    updateFrequency: z.enum(UPDATE_FREQUENCIES),
    rules: z.array(ColumnRuleSchema),
    latestVersion: z.number().int().describe('Number of the newest version (0 = none yet)'),
    access: z.enum(['member', 'staff']).describe('How the caller relates to the dataset'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Dataset');

export const DatasetListQuery = z.object({
  organizationId: z.string().max(64).optional().describe('Only this organization'),
  cursor: z.string().max(200).optional().describe('From the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Page size'),
});
export const DatasetListResponse = z
  .object({ items: z.array(DatasetResponse), nextCursor: z.string().nullable() })
  .openapi('DatasetList');

export const CreateVersionRequest = z
  .object({ uploadId: z.string().min(1).max(64).describe('A completed upload (`upl_…`) for this dataset') })
  .openapi('CreateVersionRequest');

const IngestProblemSchema = z.object({
  code: z.string(),
  message: z.string(),
  line: z.number().int().optional(),
  column: z.string().optional(),
  excerpt: z.string().optional(),
});
export const IngestReportSchema = z
  .object({
    format: z.enum(DATASET_FORMATS).nullable(),
    encoding: z.enum(TEXT_ENCODINGS).nullable(),
    delimiter: z.string().optional(),
    hasHeader: z.boolean().optional(),
    sheet: z.string().optional(),
    rowsRead: z.number().int(),
    rowsRejected: z.number().int(),
    problems: z.array(IngestProblemSchema),
    problemsTruncated: z.boolean(),
    fatal: z.boolean(),
  })
  .openapi('IngestReport');

export const ColumnSchema = z
  .object({ name: z.string(), type: z.enum(COLUMN_TYPES), physicalType: z.string() })
  .openapi('DatasetColumn');

const ColumnProfileSchema = z
  .object({
    name: z.string(),
    type: z.enum(COLUMN_TYPES),
    physicalType: z.string(),
    count: z.number(),
    nullCount: z.number(),
    distinctEstimate: z.number(),
    min: z.string().nullable(),
    max: z.string().nullable(),
    mean: z.number().nullable().optional(),
    length: z.object({ min: z.number(), max: z.number(), mean: z.number() }).nullable().optional(),
    topValues: z.array(z.object({ value: z.string(), count: z.number() })),
    histogram: z.array(z.object({ from: z.number(), to: z.number(), count: z.number() })).optional(),
    patterns: z.array(z.object({ pattern: z.enum(PATTERN_CLASSES), share: z.number() })).optional(),
  })
  .openapi('ColumnProfile');

export const ProfileSchema = z
  .object({
    rowCount: z.number(),
    columnCount: z.number(),
    columns: z.array(ColumnProfileSchema),
    sampleSize: z.number(),
    duplicateRowShare: z.number(),
    timings: z.record(z.string(), z.number()),
  })
  .openapi('DatasetProfile');

export const FindingSchema = z
  .object({
    column: z.string(),
    kind: z.enum(PERSONAL_INFO_KINDS),
    matchRate: z.number(),
    validRate: z.number().optional(),
    examined: z.number(),
    fullScan: z.boolean(),
    examples: z.array(z.string()).describe('Masked examples'),
    nameHint: z.boolean(),
  })
  .openapi('PersonalInfoFinding');

export const QualitySchema = z
  .object({
    overall: z.number(),
    grade: z.enum(['A', 'B', 'C', 'D']),
    basis: z.enum(['declared', 'inferred']),
    generatedAt: z.string(),
    dimensions: z.array(
      z.object({
        dimension: z.enum(QUALITY_DIMENSIONS),
        score: z.number(),
        explanation: z.string(),
        measurements: z.array(
          z.object({
            key: z.string(),
            label: z.string(),
            value: z.union([z.number(), z.string()]),
            column: z.string().optional(),
          }),
        ),
      }),
    ),
  })
  .openapi('QualityReport');

const VersionSummaryFields = {
  id: z.string(),
  datasetId: z.string(),
  number: z.number().int(),
  filename: z.string(),
  sourceSha256: z.string().describe('SHA-256 of the uploaded file (its storage key)'),
  sourceSize: z.number(),
  state: z.enum(VERSION_STATES),
  progress: z.number().int().describe('0–100 while processing'),
  stage: z.string().nullable(),
  format: z.enum(DATASET_FORMATS).nullable(),
  rowCount: z.number().nullable(),
  qualityScore: z.number().nullable(),
  qualityGrade: z.enum(['A', 'B', 'C', 'D']).nullable(),
  personalInfoColumns: z.array(z.string()).describe('Columns found to hold personal information'),
  createdAt: z.string(),
  processedAt: z.string().nullable(),
};
export const VersionSummary = z.object(VersionSummaryFields).openapi('DatasetVersionSummary');
export const VersionListResponse = z.object({ items: z.array(VersionSummary) }).openapi('DatasetVersionList');
export const VersionResponse = z
  .object({
    ...VersionSummaryFields,
    normalizedSha256: z.string().nullable().describe('SHA-256 of the normalized Parquet copy'),
    columns: z.array(ColumnSchema).nullable(),
    ingest: IngestReportSchema.nullable(),
    profile: ProfileSchema.nullable(),
    personalInfo: z.array(FindingSchema).nullable(),
    quality: QualitySchema.nullable(),
  })
  .openapi('DatasetVersion');

const CellValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const RowsQuery = z.object({
  offset: z.coerce.number().int().min(0).max(1_000_000_000).default(0).describe('Rows to skip'),
  limit: z.coerce.number().int().min(1).max(MAX_PREVIEW_ROWS).default(50).describe('Page size'),
  sort: z
    .string()
    .max(500)
    .optional()
    .describe('Sort as `column:asc` or `column:desc`, several separated by `,`'),
  filters: z
    .string()
    .max(5000)
    .optional()
    .describe('JSON array of filters `[{"column":"城市","op":"eq","value":"北京"}]`'),
});
export const RowsResponse = z
  .object({
    columns: z.array(ColumnSchema),
    rows: z.array(z.array(CellValue)),
    offset: z.number().int(),
    total: z.number().describe('Rows matching the filters'),
    masked: z.array(z.string()).describe('Columns shown masked to this caller (personal information)'),
  })
  .openapi('DatasetRows');

const FilterSchema = z.object({
  column: z.string().max(200),
  op: z.enum(FILTER_OPERATORS),
  value: z.union([z.string().max(1000), z.number(), z.boolean()]).optional(),
});
export const QueryRequest = z
  .object({
    select: z.array(z.string().max(200)).max(500).optional().describe('Columns (default all)'),
    filters: z.array(FilterSchema).max(50).optional(),
    sort: z
      .array(z.object({ column: z.string().max(200), direction: z.enum(['asc', 'desc']) }))
      .max(10)
      .optional(),
    limit: z
      .number()
      .int()
      .min(1)
      .max(MAX_QUERY_ROWS)
      .default(1000)
      .describe(`At most ${MAX_QUERY_ROWS} rows`),
  })
  .openapi('DatasetQuery');
export const QueryResponse = z
  .object({
    columns: z.array(ColumnSchema),
    rows: z.array(z.array(CellValue)),
    truncated: z.boolean().describe('More rows matched than the cap; use the export for all of them'),
    masked: z.array(z.string()),
  })
  .openapi('DatasetQueryResult');

export const ExportQuery = z.object({
  format: z.enum(['csv', 'ndjson']).default('csv').describe('CSV (UTF-8 with BOM) or NDJSON'),
  filters: RowsQuery.shape.filters,
  sort: RowsQuery.shape.sort,
});

const MaskingSchema = z.object({
  column: z.string().max(200),
  method: z.enum(MASKING_METHODS),
  keepStart: z.number().int().min(0).max(50).optional(),
  keepEnd: z.number().int().min(0).max(50).optional(),
  level: z.string().max(40).optional(),
});
export const CreateSampleRequest = z
  .object({
    rows: z.number().int().min(1).max(MAX_SAMPLE_ROWS).default(100).describe('Rows drawn at random'),
    columns: z.array(z.string().max(200)).max(500).optional().describe('Columns to include (default all)'),
    masking: z
      .array(MaskingSchema)
      .max(500)
      .default([])
      .describe('Masking per column; unlisted columns are kept'),
  })
  .openapi('CreateSampleRequest');

export const SampleResponse = z
  .object({
    id: z.string(),
    datasetId: z.string(),
    versionId: z.string(),
    versionNumber: z.number().int().nullable(),
    state: z.enum(SAMPLE_STATES),
    rowCount: z.number().int(),
    masking: z.array(MaskingSchema),
    columns: z.array(ColumnSchema),
    rows: z.array(z.array(CellValue)),
    residualFindings: z.array(FindingSchema).describe('Personal information still detected after masking'),
    blockingColumns: z.array(z.string()).describe('Columns that stop publication'),
    createdAt: z.string(),
    publishedAt: z.string().nullable(),
  })
  .openapi('DatasetSample');
export const SampleListResponse = z.object({ items: z.array(SampleResponse) }).openapi('DatasetSampleList');
