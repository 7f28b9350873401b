/**
 * Data resources and data products of the caller through the SDK: list, read, save drafts
 * (create, then save with the version last seen; 409 on a concurrent edit), delete a draft, and the
 * API connectivity test. Evidence files upload with progress to /api/attachments. Registration
 * cases live in cases-api.ts.
 */
import type { SubjectKind } from '@shuliu/core';
import { unwrap } from '@shuliu/sdk';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { uploadForm, type ProgressHandler } from '../../app/api-client';
import { api, type Schemas } from '../../app/sdk';

export * from './cases-api';

/** A data resource as the API presents it to its holder. */
export type ResourceRecord = Schemas['DataResource'];
/** A data product as the API presents it to its holder. */
export type ProductRecord = Schemas['DataProduct'];
/** A resource description as saved (a draft may be incomplete). */
export type ResourceDraft = Schemas['ResourceDraft'];
/** A product description as saved (a draft may be incomplete). */
export type ProductDraft = Schemas['ProductDraft'];
/** The result of an API product's connectivity test. */
export type ConnectivityResult = NonNullable<ProductRecord['connectivity']>;
/** draft | registering | registered | cancelled | expired */
export type SubjectStatus = ResourceRecord['status'];

type RecordOf<K extends SubjectKind> = K extends 'resource' ? ResourceRecord : ProductRecord;
type DraftOf<K extends SubjectKind> = K extends 'resource' ? ResourceDraft : ProductDraft;

export const registryKeys = {
  all: ['registry'] as const,
  list: (kind: SubjectKind, status?: SubjectStatus) => ['registry', kind, 'list', status ?? 'all'] as const,
  one: (kind: SubjectKind, id: string) => ['registry', kind, 'one', id] as const,
};

/** The caller's data resources (optionally in one status), page by page. */
export function useMyResources(status?: SubjectStatus) {
  return useInfiniteQuery({
    queryKey: registryKeys.list('resource', status),
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/resources', {
          params: { query: { status, cursor: pageParam, limit: 100 } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The caller's data products (optionally in one status), page by page. */
export function useMyProducts(status?: SubjectStatus) {
  return useInfiniteQuery({
    queryKey: registryKeys.list('product', status),
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/products', {
          params: { query: { status, cursor: pageParam, limit: 100 } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One resource. */
export function useResource(id: string | undefined) {
  return useQuery({
    queryKey: registryKeys.one('resource', id ?? ''),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/resources/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: Boolean(id),
  });
}

/** One product. */
export function useProduct(id: string | undefined) {
  return useQuery({
    queryKey: registryKeys.one('product', id ?? ''),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/products/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: Boolean(id),
  });
}

/** What saving a draft sends: the first save creates the subject, later ones update it. */
export type DraftSave<D> =
  | { id?: undefined; organizationId: string; description: D }
  | { id: string; version: number; description: D };

async function saveDraft<K extends SubjectKind>(kind: K, save: DraftSave<DraftOf<K>>): Promise<RecordOf<K>> {
  if (kind === 'resource') {
    const description = save.description as ResourceDraft;
    const saved =
      save.id === undefined
        ? unwrap(
            await api.POST('/api/resources', { body: { organizationId: save.organizationId, description } }),
          )
        : unwrap(
            await api.PUT('/api/resources/{id}', {
              params: { path: { id: save.id } },
              body: { version: save.version, description },
            }),
          );
    return saved as RecordOf<K>;
  }
  const description = save.description as ProductDraft;
  const saved =
    save.id === undefined
      ? unwrap(
          await api.POST('/api/products', { body: { organizationId: save.organizationId, description } }),
        )
      : unwrap(
          await api.PUT('/api/products/{id}', {
            params: { path: { id: save.id } },
            body: { version: save.version, description },
          }),
        );
  return saved as RecordOf<K>;
}

/** Saves a resource or product draft (POST the first time, then PUT with the version). */
export function useSaveDraft<K extends SubjectKind>(kind: K) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (save: DraftSave<DraftOf<K>>) => saveDraft(kind, save),
    onSuccess: (record) => {
      queryClient.setQueryData(registryKeys.one(kind, record.id), record);
      void queryClient.invalidateQueries({ queryKey: ['registry', kind, 'list'] });
    },
  });
}

/** Deletes a draft that was never submitted. */
export function useDeleteDraft(kind: SubjectKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      const params = { params: { path: { id } } };
      if (kind === 'resource') unwrap(await api.DELETE('/api/resources/{id}', params));
      else unwrap(await api.DELETE('/api/products/{id}', params));
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: registryKeys.all }),
  });
}

/** Runs the connectivity test against an API product's saved endpoint. */
export function useConnectivityTest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.POST('/api/products/{id}/connectivity-test', { params: { path: { id } } })),
    onSuccess: (_result, id) =>
      void queryClient.invalidateQueries({ queryKey: registryKeys.one('product', id) }),
  });
}

/** Largest evidence file the server accepts. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** File types offered in the picker (the server sniffs PDF, PNG and JPEG). */
export const ATTACHMENT_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
const TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

/** True when the file looks like a PDF, JPEG or PNG (checked again by the server). */
export function isAcceptedFile(file: File): boolean {
  return TYPES.includes(file.type) || /\.(pdf|jpe?g|png)$/i.test(file.name);
}

/** Uploads one evidence file (uploadAttachment). XHR, not the SDK: fetch cannot report upload progress. */
export function uploadEvidence(
  file: File,
  onProgress?: ProgressHandler,
  signal?: AbortSignal,
): Promise<Schemas['Attachment']> {
  const form = new FormData();
  form.append('file', file);
  form.append('purpose', 'other');
  return uploadForm<Schemas['Attachment']>('/api/attachments', form, onProgress, signal);
}
