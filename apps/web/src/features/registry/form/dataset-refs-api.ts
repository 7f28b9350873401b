/**
 * What the wizard needs to reference dataset versions, through the SDK: the organization's datasets
 * (listDatasets), a dataset's versions (listDatasetVersions) and its samples (listDatasetSamples).
 */
import { unwrap } from '@shuliu/sdk';
import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../../app/sdk';

/** A version as listed: state, rows and quality grade. */
export type DatasetVersionOption = Schemas['DatasetVersionSummary'];
/** A sample as listed (only published ones may be referenced). */
export type DatasetSampleOption = Schemas['DatasetSample'];

const keys = {
  datasets: (organizationId: string) => ['registry', 'datasets', organizationId] as const,
  versions: (datasetId: string) => ['registry', 'datasets', 'versions', datasetId] as const,
  samples: (datasetId: string) => ['registry', 'datasets', 'samples', datasetId] as const,
};

/** The datasets of one organization (the first 100, newest change first). */
export function useOrganizationDatasets(organizationId: string | undefined) {
  return useQuery({
    queryKey: keys.datasets(organizationId ?? ''),
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/datasets', {
          params: { query: { organizationId: organizationId ?? '', limit: 100 } },
          signal,
        }),
      ).items,
    enabled: Boolean(organizationId),
  });
}

/** The versions of a dataset, newest first. */
export function useDatasetVersions(datasetId: string | undefined) {
  return useQuery({
    queryKey: keys.versions(datasetId ?? ''),
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/datasets/{id}/versions', { params: { path: { id: datasetId ?? '' } }, signal }),
      ).items,
    enabled: Boolean(datasetId),
  });
}

/** The published samples of a dataset (drafts and withdrawn ones cannot be referenced). */
export function usePublishedSamples(datasetId: string | undefined) {
  return useQuery({
    queryKey: keys.samples(datasetId ?? ''),
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/datasets/{id}/samples', { params: { path: { id: datasetId ?? '' } }, signal }),
      ).items.filter((s) => s.state === 'published'),
    enabled: Boolean(datasetId),
  });
}
