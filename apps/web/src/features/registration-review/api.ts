/**
 * The registration engine's reviewer routes through the SDK: the case queue (listRegistrationCases
 * with `scope=queue`), one case, its transitions, checklist answers, assessor assignment and objection
 * decisions. Everything a reviewer changes invalidates `caseKeys.all`, so the queue and the case
 * screen refresh together.
 */
import type { CaseState, CaseType, CheckVerdict, ProhibitedCategory, SubjectKind } from '@shuliu/core';
import { unwrap } from '@shuliu/sdk';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../app/sdk';
import type { RegistrationCase } from './types';

/** What the reviewer narrows the queue to; an absent field does not filter. */
export interface CaseFilter {
  state?: CaseState;
  subjectKind?: SubjectKind;
  caseType?: CaseType;
  q?: string;
}

export const caseKeys = {
  all: ['registration-cases'] as const,
  list: (filter: CaseFilter) => ['registration-cases', 'list', filter] as const,
  one: (id: string) => ['registration-cases', 'one', id] as const,
};

/** The queue matching `filter`, page by page; every page carries the total. */
export function useCaseQueue(filter: CaseFilter) {
  return useInfiniteQuery({
    queryKey: caseKeys.list(filter),
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/registration/cases', {
          params: { query: { scope: 'queue', ...filter, cursor: pageParam, limit: 50 } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** One case with its checklist, objections and timeline. */
export function useCase(id: string) {
  return useQuery({
    queryKey: caseKeys.one(id),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/registration/cases/{id}', { params: { path: { id } }, signal })),
    enabled: id !== '',
  });
}

/** Runs `request` and refreshes the case (with the answer) and the queue. */
function useCaseMutation<V>(id: string, request: (vars: V) => Promise<RegistrationCase>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (data) => {
      queryClient.setQueryData(caseKeys.one(id), data);
      void queryClient.invalidateQueries({ queryKey: caseKeys.all });
    },
  });
}

/** Reviewer transitions (as `allowedActions` names them) and the path segment each posts to. */
export const REVIEW_TRANSITIONS = {
  accept: 'accept',
  start_formal_review: 'formal-review',
  start_substantive_review: 'substantive-review',
  start_publicity: 'publicity',
  return: 'return',
  reject: 'reject',
} as const;
export type ReviewTransition = keyof typeof REVIEW_TRANSITIONS;
/** The transitions that move a case forward (no reason needed). */
export type ForwardTransition = Exclude<ReviewTransition, 'return' | 'reject'>;

async function transition(id: string, action: ReviewTransition, reason: string): Promise<RegistrationCase> {
  const path = { params: { path: { id } } };
  switch (action) {
    case 'accept':
      return unwrap(await api.POST('/api/registration/cases/{id}/accept', path));
    case 'start_formal_review':
      return unwrap(await api.POST('/api/registration/cases/{id}/formal-review', path));
    case 'start_substantive_review':
      return unwrap(await api.POST('/api/registration/cases/{id}/substantive-review', path));
    case 'start_publicity':
      return unwrap(await api.POST('/api/registration/cases/{id}/publicity', path));
    case 'return':
      return unwrap(await api.POST('/api/registration/cases/{id}/return', { ...path, body: { reason } }));
    case 'reject':
      return unwrap(await api.POST('/api/registration/cases/{id}/reject', { ...path, body: { reason } }));
  }
}

/** Moves the case along (a reason is required for return and reject). */
export function useCaseTransition(id: string) {
  return useCaseMutation(id, ({ action, reason }: { action: ReviewTransition; reason?: string }) =>
    transition(id, action, reason ?? ''),
  );
}

/** The reviewer's answer to one checklist item. */
export interface ChecklistAnswer {
  verdict: CheckVerdict;
  note: string;
  attachmentIds: string[];
  answers?: Partial<Record<ProhibitedCategory, boolean>>;
}

/** Saves one checklist item. */
export function useChecklistAnswer(id: string) {
  return useCaseMutation(id, async ({ key, answer }: { key: string; answer: ChecklistAnswer }) =>
    unwrap(
      await api.PUT('/api/registration/cases/{id}/checklist/{key}', {
        params: { path: { id, key } },
        body: answer,
      }),
    ),
  );
}

/** Assigns a third-party service body (the organization of a participant with the service role). */
export function useAssignAssessor(id: string) {
  return useCaseMutation(id, async (organizationId: string) =>
    unwrap(
      await api.POST('/api/registration/cases/{id}/assessor', {
        params: { path: { id } },
        body: { organizationId },
      }),
    ),
  );
}

/** Upholds or dismisses an objection, with the note the objector reads. */
export function useObjectionDecision(id: string) {
  return useCaseMutation(
    id,
    async ({
      objectionId,
      outcome,
      note,
    }: {
      objectionId: string;
      outcome: 'upheld' | 'dismissed';
      note: string;
    }) =>
      unwrap(
        await api.POST('/api/registration/cases/{id}/objections/{oid}/decision', {
          params: { path: { id, oid: objectionId } },
          body: { outcome, note },
        }),
      ),
  );
}
