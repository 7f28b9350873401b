/**
 * Participant registration applications (主体登记申请) through the SDK: submit, list (mine, or the
 * review queue), correct and resubmit, withdraw, and the reviewer's decisions. Attachments upload
 * with progress to /api/attachments.
 */
import type { ApplicationState } from '@shuliu/core';
import { unwrap } from '@shuliu/sdk';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { uploadForm, type ProgressHandler } from '../../app/api-client';
import { api, type Schemas } from '../../app/sdk';

/** A registration application as the API presents it. */
export type Application = Schemas['ParticipantApplication'];
/** An application as lists show it (without files and history). */
export type ApplicationListItem = Schemas['ParticipantApplicationList']['items'][number];
/** What an applicant submits (and sends again to correct a returned application). */
export type ApplicationBody = Schemas['ParticipantApplicationRequest'];
/** An uploaded evidence file. */
export type Attachment = Schemas['Attachment'];
/** What a file proves. */
export type AttachmentPurpose = Attachment['purpose'];
/** An evidence file as listed on an application. */
export type ApplicationAttachment = Application['attachments'][number];
/** One step of an application's history. */
export type ApplicationHistoryEntry = Application['history'][number];

/** `mine`: the caller's applications; `queue`: every application (exchange staff). */
export type ApplicationScope = 'mine' | 'queue';

export const applicationKeys = {
  all: ['applications'] as const,
  list: (scope: ApplicationScope, state?: ApplicationState) =>
    ['applications', 'list', scope, state ?? 'all'] as const,
  one: (id: string) => ['applications', 'one', id] as const,
};

/** Applications in `scope`, optionally in one state, page by page. */
export function useApplications(scope: ApplicationScope, state?: ApplicationState) {
  return useInfiniteQuery({
    queryKey: applicationKeys.list(scope, state),
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/participant-applications', {
          params: { query: { scope, state, cursor: pageParam, limit: 50 } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One application. */
export function useApplication(id: string | undefined) {
  return useQuery({
    queryKey: applicationKeys.one(id ?? ''),
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/participant-applications/{id}', { params: { path: { id: id ?? '' } }, signal }),
      ),
    enabled: Boolean(id),
  });
}

/** Submits a new application. */
export function useSubmitApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ApplicationBody) =>
      unwrap(await api.POST('/api/participant-applications', { body })),
    onSuccess: (application) => {
      queryClient.setQueryData(applicationKeys.one(application.id), application);
      void queryClient.invalidateQueries({ queryKey: applicationKeys.all });
      // Submitting may create the applicant's organization: the user's memberships changed.
      void queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });
}

/** Corrects a returned application (PUT) and submits it again (resubmit). */
export function useCorrectAndResubmit(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ApplicationBody) => {
      const path = { params: { path: { id } } };
      unwrap(await api.PUT('/api/participant-applications/{id}', { ...path, body }));
      return unwrap(await api.POST('/api/participant-applications/{id}/resubmit', path));
    },
    onSuccess: (application) => {
      queryClient.setQueryData(applicationKeys.one(id), application);
      void queryClient.invalidateQueries({ queryKey: applicationKeys.all });
    },
  });
}

/** A transition of an application; reject and return need a reason. */
export type ApplicationDecision =
  | { action: 'approve'; note?: string }
  | { action: 'reject' | 'return'; reason: string }
  | { action: 'withdraw' | 'resubmit' };

async function transition(id: string, decision: ApplicationDecision): Promise<Application> {
  const path = { params: { path: { id } } };
  switch (decision.action) {
    case 'approve':
      return unwrap(
        await api.POST('/api/participant-applications/{id}/approve', {
          ...path,
          body: decision.note ? { note: decision.note } : {},
        }),
      );
    case 'reject':
      return unwrap(
        await api.POST('/api/participant-applications/{id}/reject', {
          ...path,
          body: { reason: decision.reason },
        }),
      );
    case 'return':
      return unwrap(
        await api.POST('/api/participant-applications/{id}/return', {
          ...path,
          body: { reason: decision.reason },
        }),
      );
    case 'withdraw':
      return unwrap(await api.POST('/api/participant-applications/{id}/withdraw', path));
    case 'resubmit':
      return unwrap(await api.POST('/api/participant-applications/{id}/resubmit', path));
  }
}

/** Moves an application along its state machine (withdraw, resubmit, or a reviewer's decision). */
export function useApplicationTransition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: ApplicationDecision) => transition(id, decision),
    onSuccess: (application) => {
      queryClient.setQueryData(applicationKeys.one(id), application);
      void queryClient.invalidateQueries({ queryKey: applicationKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['participants'] });
    },
  });
}

/** Largest attachment the server accepts. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** Attachment types the server accepts. */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
/** File extensions offered in the picker. */
export const ATTACHMENT_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/**
 * Uploads one evidence file (uploadAttachment). Goes through XHR rather than the SDK because fetch
 * cannot report upload progress, and a 20 MB scan on a slow line needs a progress bar.
 */
export function uploadAttachment(
  file: File,
  purpose: AttachmentPurpose,
  onProgress?: ProgressHandler,
  signal?: AbortSignal,
): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file);
  form.append('purpose', purpose);
  return uploadForm<Attachment>('/api/attachments', form, onProgress, signal);
}

/** Where an attachment downloads from (downloadAttachment; its uploader and exchange staff). */
export function attachmentUrl(id: string): string {
  return `/api/attachments/${encodeURIComponent(id)}`;
}
