/**
 * The public participant directory and participant pages, plus the exchange's suspend / reinstate /
 * revoke actions, through the SDK (listParticipants, getParticipant, suspend|reinstate|
 * revokeParticipant).
 */
import type { ParticipantAction, ParticipantRole } from '@shuliu/core';
import { unwrap } from '@shuliu/sdk';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../app/sdk';

/** A registered participant as the public directory lists it (personal data masked). */
export type ParticipantSummary = Schemas['Participant'];
/** A participant with its credential (认证凭证, a VC in JWT form). */
export type Participant = Schemas['ParticipantDetail'];

/** Directory filters. */
export interface DirectoryFilter {
  q?: string;
  role?: ParticipantRole;
}

export const participantKeys = {
  all: ['participants'] as const,
  list: (filter: DirectoryFilter) => ['participants', 'list', filter] as const,
  one: (id: string) => ['participants', 'one', id] as const,
};

/** The directory, page by page; the first page carries the total. */
export function useParticipantDirectory(filter: DirectoryFilter) {
  return useInfiniteQuery({
    queryKey: participantKeys.list(filter),
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/participants', {
          params: { query: { q: filter.q, role: filter.role, cursor: pageParam, limit: 50 } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One participant with its credential. */
export function useParticipant(id: string | undefined) {
  return useQuery({
    queryKey: participantKeys.one(id ?? ''),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/participants/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: Boolean(id),
  });
}

async function act(id: string, action: ParticipantAction, reason: string | undefined): Promise<Participant> {
  const path = { params: { path: { id } } };
  switch (action) {
    case 'suspend':
      return unwrap(
        await api.POST('/api/participants/{id}/suspend', { ...path, body: { reason: reason ?? '' } }),
      );
    case 'reinstate':
      return unwrap(await api.POST('/api/participants/{id}/reinstate', path));
    case 'revoke':
      return unwrap(
        await api.POST('/api/participants/{id}/revoke', { ...path, body: { reason: reason ?? '' } }),
      );
  }
}

/** Suspends, reinstates or revokes a participant (exchange staff). */
export function useParticipantAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, reason }: { action: ParticipantAction; reason?: string }) =>
      act(id, action, reason),
    onSuccess: (participant) => {
      queryClient.setQueryData(participantKeys.one(id), participant);
      void queryClient.invalidateQueries({ queryKey: participantKeys.all });
    },
  });
}
