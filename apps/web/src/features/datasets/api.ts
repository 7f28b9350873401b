/**
 * The datasets API for the pages, through the SDK: datasets, versions (polled every second while one
 * is being processed), the version report, rows for the preview, samples and their publication.
 * Uploads go through tus (tus-upload.ts), and the export is a plain download link.
 */
import { unwrap } from '@shuliu/sdk';
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { withQuery } from '../../app/api-client';
import { api } from '../../app/sdk';
import type { CreateDatasetInput, CreateSampleInput, DatasetRecord } from './types';
import { hasActiveVersion, isVersionActive, POLL_MS } from './version-state';

/** What the preview asks for. */
export interface RowsRequest {
  offset: number;
  limit: number;
  sort?: string;
  filters?: string;
}

export const datasetKeys = {
  all: ['datasets'] as const,
  list: () => ['datasets', 'list'] as const,
  one: (id: string) => ['datasets', 'one', id] as const,
  versions: (id: string) => ['datasets', 'one', id, 'versions'] as const,
  version: (id: string, number: number) => ['datasets', 'one', id, 'version', number] as const,
  rows: (id: string, number: number, request: RowsRequest) =>
    ['datasets', 'one', id, 'version', number, 'rows', request] as const,
  samples: (id: string) => ['datasets', 'one', id, 'samples'] as const,
  sample: (sampleId: string) => ['datasets', 'sample', sampleId] as const,
};

const fetchVersions = async (id: string, signal: AbortSignal) =>
  unwrap(await api.GET('/api/datasets/{id}/versions', { params: { path: { id } }, signal }));

/** The caller's datasets (listDatasets; every dataset for exchange staff). */
export function useMyDatasets() {
  return useQuery({
    queryKey: datasetKeys.list(),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/datasets', { params: { query: { limit: 100 } }, signal })),
  });
}

/** The version history of each dataset given (for the list's latest-version columns). */
export function useVersionsOf(datasets: readonly DatasetRecord[]) {
  return useQueries({
    queries: datasets.map((dataset) => ({
      queryKey: datasetKeys.versions(dataset.id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchVersions(dataset.id, signal),
      enabled: dataset.latestVersion > 0,
    })),
  });
}

/** One dataset (getDataset). */
export function useDataset(id: string) {
  return useQuery({
    queryKey: datasetKeys.one(id),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/datasets/{id}', { params: { path: { id } }, signal })),
    enabled: id !== '',
  });
}

/** Creates a dataset (createDataset). */
export function useCreateDataset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateDatasetInput) => unwrap(await api.POST('/api/datasets', { body })),
    onSuccess: (dataset) => {
      queryClient.setQueryData(datasetKeys.one(dataset.id), dataset);
      void queryClient.invalidateQueries({ queryKey: datasetKeys.list() });
    },
  });
}

/** The version history, newest first; asked again every second while a version is processing. */
export function useVersions(id: string) {
  return useQuery({
    queryKey: datasetKeys.versions(id),
    queryFn: ({ signal }) => fetchVersions(id, signal),
    enabled: id !== '',
    refetchInterval: (query) => (hasActiveVersion(query.state.data?.items) ? POLL_MS : false),
  });
}

/** One version with its report; polled while it is processing. */
export function useVersion(id: string, number: number | undefined) {
  return useQuery({
    queryKey: datasetKeys.version(id, number ?? 0),
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/datasets/{id}/versions/{number}', {
          params: { path: { id, number: number ?? 0 } },
          signal,
        }),
      ),
    enabled: id !== '' && number !== undefined && number > 0,
    refetchInterval: (query) => {
      const state = query.state.data?.state;
      return state && isVersionActive(state) ? POLL_MS : false;
    },
  });
}

/** Processes a failed version again (retryDatasetVersion). */
export function useRetryVersion(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (number: number) =>
      unwrap(
        await api.POST('/api/datasets/{id}/versions/{number}/retry', { params: { path: { id, number } } }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: datasetKeys.one(id) }),
  });
}

/** A page of rows (previewDatasetRows); the previous page stays on screen while the next loads. */
export function useRows(id: string, number: number | undefined, request: RowsRequest) {
  return useQuery({
    queryKey: datasetKeys.rows(id, number ?? 0, request),
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/datasets/{id}/versions/{number}/rows', {
          params: { path: { id, number: number ?? 0 }, query: request },
          signal,
        }),
      ),
    enabled: id !== '' && number !== undefined && number > 0,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/**
 * The download link of every matching row (exportDatasetRows; members only). A link, not a fetch:
 * the browser streams the file to disk however large it is.
 */
export function exportUrl(
  id: string,
  number: number,
  options: { format: 'csv' | 'ndjson'; sort?: string; filters?: string },
): string {
  return withQuery(`/api/datasets/${encodeURIComponent(id)}/versions/${number}/export`, {
    format: options.format,
    sort: options.sort,
    filters: options.filters,
  });
}

/** The samples of a dataset (listDatasetSamples). */
export function useSamples(id: string) {
  return useQuery({
    queryKey: datasetKeys.samples(id),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/datasets/{id}/samples', { params: { path: { id } }, signal })),
    enabled: id !== '',
  });
}

/** One sample (getDatasetSample): public once published. */
export function useSample(sampleId: string) {
  return useQuery({
    queryKey: datasetKeys.sample(sampleId),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/samples/{sampleId}', { params: { path: { sampleId } }, signal })),
    enabled: sampleId !== '',
    retry: false,
  });
}

/** Draws and masks a sample of a version (createDatasetSample). */
export function useCreateSample(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ number, input }: { number: number; input: CreateSampleInput }) =>
      unwrap(
        await api.POST('/api/datasets/{id}/versions/{number}/samples', {
          params: { path: { id, number } },
          body: input,
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: datasetKeys.samples(id) }),
  });
}

/** Publishes or withdraws a sample (publishDatasetSample / withdrawDatasetSample). */
export function useSampleTransition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ sampleId, action }: { sampleId: string; action: 'publish' | 'withdraw' }) => {
      const params = { params: { path: { sampleId } } };
      return action === 'publish'
        ? unwrap(await api.POST('/api/samples/{sampleId}/publish', params))
        : unwrap(await api.POST('/api/samples/{sampleId}/withdraw', params));
    },
    onSuccess: (sample) => {
      queryClient.setQueryData(datasetKeys.sample(sample.id), sample);
      void queryClient.invalidateQueries({ queryKey: datasetKeys.samples(id) });
    },
  });
}
