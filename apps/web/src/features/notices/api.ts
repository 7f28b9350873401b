/**
 * The public notice board (公示) through the SDK: cases in publicity or objection review
 * (listRegistrationNotices) and filing an objection (fileObjection, signed in).
 */
import type { SubjectKind } from '@shuliu/core';
import { unwrap } from '@shuliu/sdk';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/sdk';

export const noticeKeys = {
  all: ['registration-notices'] as const,
  list: (kind: string) => ['registration-notices', 'list', kind] as const,
};

/** Cases now in publicity, page by page. */
export function useNotices(subjectKind: SubjectKind | undefined) {
  return useInfiniteQuery({
    queryKey: noticeKeys.list(subjectKind ?? 'all'),
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/registration/notices', {
          params: { query: { subjectKind, cursor: pageParam, limit: 50 } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** What an objector sends. */
export interface ObjectionInput {
  reasons: string;
  attachmentIds: string[];
}

/** Files an objection against case `caseId`. */
export function useFileObjection(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: ObjectionInput) =>
      unwrap(
        await api.POST('/api/registration/cases/{id}/objections', {
          params: { path: { id: caseId } },
          body: input,
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: noticeKeys.all }),
  });
}
