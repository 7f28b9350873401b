/**
 * The review desk's queue (审核工作台) through the SDK (listApplications with `scope=queue`): the
 * server searches, filters and counts, so the desk sees every match, not just the pages loaded.
 */
import type { ApplicationState, ParticipantRole } from '@shuliu/core';
import { unwrap } from '@shuliu/sdk';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../app/sdk';
import { applicationKeys } from '../applications/api';

/** What the reviewer narrows the queue to; an absent field does not filter. */
export interface QueueFilter {
  state?: ApplicationState;
  role?: ParticipantRole;
  /** A fragment of the entity name or the credit code, already trimmed. */
  q?: string;
}

/** Under `applicationKeys.all`, so every application change refreshes the desk too. */
export const queueKeys = {
  list: (filter: QueueFilter) => [...applicationKeys.all, 'queue', filter] as const,
};

/** The queue matching `filter`, page by page; every page carries the total matching count. */
export function useReviewQueue(filter: QueueFilter) {
  return useInfiniteQuery({
    queryKey: queueKeys.list(filter),
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/participant-applications', {
          params: {
            query: {
              scope: 'queue',
              state: filter.state,
              role: filter.role,
              q: filter.q,
              cursor: pageParam,
              limit: 50,
            },
          },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Keep the previous matches on screen while the next search runs, instead of flashing empty.
    placeholderData: keepPreviousData,
  });
}
