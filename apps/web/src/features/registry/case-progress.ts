/**
 * Where a registration case stands on its main path — submitted → accepted → formal review →
 * (substantive review) → publicity → certified — for the steps bar of the case page. Side states
 * (returned, rejected, withdrawn, objection review) are shown on the step where the case stopped.
 */
import type { CaseState } from '@shuliu/core';
import type { CaseTimelineEntry } from './cases-api';

/** The main path; substantive review only when the regime asks for it (or the case went there). */
export function mainPathOf(substantive: boolean): CaseState[] {
  return [
    'submitted',
    'accepted',
    'formal_review',
    ...(substantive ? (['substantive_review'] as const) : []),
    'publicity',
    'certified',
  ];
}

export interface CaseProgress {
  path: CaseState[];
  /** Index of the step the case is at (or stopped at). */
  current: number;
  status: 'wait' | 'process' | 'finish' | 'error';
}

const AFTER_CERTIFIED: readonly CaseState[] = ['active', 'expired', 'cancelled', 'superseded'];

/**
 * The progress of a case in `state`. `reached` lists states the case has been in (from its
 * timeline), to place a returned or rejected case on the step where it stopped.
 */
export function caseProgress(
  state: CaseState,
  options: { substantive: boolean; reached: readonly CaseState[] },
): CaseProgress {
  const path = mainPathOf(options.substantive || options.reached.includes('substantive_review'));
  const last = path.length - 1;
  if (state === 'draft') return { path, current: 0, status: 'wait' };
  if (state === 'certified' || AFTER_CERTIFIED.includes(state))
    return { path, current: last, status: 'finish' };
  if (state === 'objection_review') return { path, current: path.indexOf('publicity'), status: 'process' };
  const index = path.indexOf(state);
  if (index >= 0) return { path, current: index, status: 'process' };
  // returned, rejected, withdrawn: the furthest main-path state reached.
  const furthest = Math.max(0, ...options.reached.map((s) => path.indexOf(s)));
  return { path, current: furthest, status: 'error' };
}

/** Case events the timeline names, by the last part of their type. */
export const CASE_EVENTS = [
  'created',
  'submitted',
  'resubmitted',
  'accepted',
  'formal_review_started',
  'substantive_review_started',
  'publicity_started',
  'returned',
  'rejected',
  'withdrawn',
  'checklist_updated',
  'assessor_assigned',
  'assessment_attached',
  'objection_raised',
  'objection_dismissed',
  'objection_upheld',
  'certified',
  'activated',
  'superseded',
  'expired',
  'cancelled',
] as const;
export type CaseEvent = (typeof CASE_EVENTS)[number];

/** The event of a timeline entry, or undefined for one the UI does not know. */
export function caseEventOf(type: string): CaseEvent | undefined {
  const last = type.split('.').pop() ?? '';
  return CASE_EVENTS.find((e) => e === last);
}

const REACHES: Partial<Record<CaseEvent, CaseState>> = {
  submitted: 'submitted',
  resubmitted: 'submitted',
  accepted: 'accepted',
  formal_review_started: 'formal_review',
  substantive_review_started: 'substantive_review',
  publicity_started: 'publicity',
  certified: 'certified',
};

/** States the case has been in, from its timeline (for the progress bar). */
export function reachedStates(entries: readonly CaseTimelineEntry[]): CaseState[] {
  return entries.flatMap((entry) => {
    const event = caseEventOf(entry.type);
    const state = event ? REACHES[event] : undefined;
    return state ? [state] : [];
  });
}
