/**
 * Registration cases (登记申请) of the caller: open and submit (or resubmit after correction), list,
 * read one with its timeline, and the certificate number a certified case produced.
 * These calls go through `apiRequest` until the engine's routes are in the generated SDK (the
 * shapes below follow its RegistrationCase schemas); switch them to `api.GET/POST` then.
 */
import type { CaseState, CaseType, CheckVerdict, SubjectKind } from '@shuliu/core';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api-client';

/** One step of a case's history (an event of the engine). */
export interface CaseTimelineEntry {
  /** Event type, e.g. `registration.case.submitted`. */
  type: string;
  actorName: string | null;
  note: string | null;
  at: string;
}

/** One answered item of the compliance checklist. */
export interface CaseChecklistEntry {
  key: string;
  title: { zh: string; en: string };
  verdict: CheckVerdict;
  note: string;
}

/** An objection filed during publicity. */
export interface CaseObjection {
  id: string;
  reasons: string;
  state: 'pending' | 'upheld' | 'dismissed';
  decisionNote: string | null;
  filedAt: string;
}

/** A case as lists show it. */
export interface RegistrationCaseSummary {
  id: string;
  number: string;
  subjectKind: SubjectKind;
  subjectId: string;
  subjectName: string;
  caseType: CaseType;
  state: CaseState;
  publicityEndsAt: string | null;
  certificateId: string | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A registration case as its applicant sees it. */
export interface RegistrationCase extends RegistrationCaseSummary {
  queryCode: string;
  reviewNote: string | null;
  regime: { substantiveReview: boolean; publicityDays: number };
  checklist: CaseChecklistEntry[];
  objections: CaseObjection[];
  timeline: CaseTimelineEntry[];
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const caseKeys = {
  all: ['registration-cases'] as const,
  mine: ['registration-cases', 'mine'] as const,
  one: (id: string) => ['registration-cases', 'one', id] as const,
  certificate: (subjectId: string) => ['registration-cases', 'certificates', subjectId] as const,
};

const casePath = (id: string, verb?: string) =>
  `/api/registration/cases/${encodeURIComponent(id)}${verb ? `/${verb}` : ''}`;

/**
 * Submits a saved subject for registration: opens an initial case (or, for a registered subject whose
 * saved description is a change proposal, a change case) and submits it, or, when its case was
 * returned for correction, resubmits that case with the corrected description.
 */
export function useSubmitRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      kind,
      id,
      returnedCaseId,
      caseType = 'initial',
    }: {
      kind: SubjectKind;
      id: string;
      returnedCaseId?: string | undefined;
      caseType?: 'initial' | 'change' | undefined;
    }) => {
      if (returnedCaseId)
        return apiRequest<RegistrationCase>(casePath(returnedCaseId, 'resubmit'), { method: 'POST' });
      const created = await apiRequest<RegistrationCase>('/api/registration/cases', {
        method: 'POST',
        body: { subjectKind: kind, subjectId: id, caseType },
      });
      return apiRequest<RegistrationCase>(casePath(created.id, 'submit'), { method: 'POST' });
    },
    onSuccess: (registrationCase) => {
      queryClient.setQueryData(caseKeys.one(registrationCase.id), registrationCase);
      void queryClient.invalidateQueries({ queryKey: caseKeys.mine });
      void queryClient.invalidateQueries({ queryKey: ['registry'] });
    },
  });
}

/** The caller's registration cases (newest first), page by page. */
export function useMyCases() {
  return useInfiniteQuery({
    queryKey: caseKeys.mine,
    queryFn: ({ pageParam, signal }) =>
      apiRequest<Page<RegistrationCaseSummary>>('/api/registration/cases', {
        query: { scope: 'mine', cursor: pageParam, limit: 100 },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One registration case with its checklist, objections and timeline. */
export function useCase(id: string | undefined) {
  return useQuery({
    queryKey: caseKeys.one(id ?? ''),
    queryFn: ({ signal }) => apiRequest<RegistrationCase>(casePath(id ?? ''), { signal }),
    enabled: Boolean(id),
  });
}

/** The number of the certificate a certified case produced (from the subject's history). */
export function useCaseCertificateNumber(registrationCase: RegistrationCaseSummary | undefined) {
  const subjectId = registrationCase?.subjectId ?? '';
  return useQuery({
    queryKey: caseKeys.certificate(subjectId),
    queryFn: ({ signal }) =>
      apiRequest<{ items: { number: string; caseId: string }[] }>(
        `/api/registration/subjects/${encodeURIComponent(subjectId)}/certificates`,
        { signal },
      ),
    enabled: Boolean(registrationCase?.certificateId),
    select: (history) => history.items.find((v) => v.caseId === registrationCase?.id)?.number,
  });
}
