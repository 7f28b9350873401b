/**
 * The datasets API's answers as the pages use them, from the generated SDK
 * (apps/server/src/modules/datasets/datasets.schemas.ts; the shapes mirror packages/core/src/dataset.ts).
 */
import type { Schemas } from '../../app/sdk';

/** A dataset and how the caller relates to it (`member` or `staff`). */
export type DatasetRecord = Schemas['Dataset'];
/** One version in the history. */
export type VersionSummary = Schemas['DatasetVersionSummary'];
/** A version with everything processing learned about it. */
export type VersionDetail = Schemas['DatasetVersion'];
/** A page of rows with the columns shown masked to the caller. */
export type RowsPage = Schemas['DatasetRows'];
/** One cell of a preview or sample row. */
export type Cell = RowsPage['rows'][number][number];
/** A masked sample of a version. */
export type SampleRecord = Schemas['DatasetSample'];
/** What creating a dataset sends. */
export type CreateDatasetInput = Schemas['CreateDatasetRequest'];
/** What creating a sample sends. */
export type CreateSampleInput = Schemas['CreateSampleRequest'];

/** What the server answers the last PATCH of a tus upload with (tus is outside the OpenAPI document). */
export interface UploadResult {
  uploadId: string;
  sha256: string;
  size: number;
  datasetId: string | null;
  versionId: string | null;
  versionNumber: number | null;
}
