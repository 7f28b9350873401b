/**
 * Event types the datasets module records (`datasets.<entity>.<past verb>`).
 */
export const DATASET_EVENTS = {
  created: 'datasets.dataset.created',
  updated: 'datasets.dataset.updated',
  uploadStarted: 'datasets.upload.started',
  uploadCompleted: 'datasets.upload.completed',
  uploadRejected: 'datasets.upload.rejected',
  versionCreated: 'datasets.version.created',
  versionProcessingStarted: 'datasets.version.processing_started',
  versionProcessed: 'datasets.version.processed',
  versionFailed: 'datasets.version.failed',
  versionRetried: 'datasets.version.retried',
  versionExported: 'datasets.version.exported',
  sampleCreated: 'datasets.sample.created',
  samplePublished: 'datasets.sample.published',
  samplePublicationRefused: 'datasets.sample.publication_refused',
  sampleWithdrawn: 'datasets.sample.withdrawn',
} as const;
