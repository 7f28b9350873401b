/** Pure helpers over registration cases, shared by the list and the wizard pages. */
import { OPEN_CASE_STATES } from '@shuliu/core';
import type { RegistrationCaseSummary, SubjectStatus } from './api';

/** The most recent case of each subject, by subject id. */
export function latestCaseBySubject(
  cases: readonly RegistrationCaseSummary[],
): Map<string, RegistrationCaseSummary> {
  const latest = new Map<string, RegistrationCaseSummary>();
  for (const c of cases) {
    const known = latest.get(c.subjectId);
    if (!known || known.createdAt < c.createdAt) latest.set(c.subjectId, c);
  }
  return latest;
}

/**
 * True when the holder may start a change registration (变更登记): the subject is registered and no
 * case of it is still being worked on (the engine allows one open case per subject).
 */
export function canStartChange(status: SubjectStatus, latest: RegistrationCaseSummary | undefined): boolean {
  return status === 'registered' && (!latest || !OPEN_CASE_STATES.includes(latest.state));
}

/**
 * What the wizard does with a subject:
 * - `draft`: a new or never-submitted subject, submitted with an initial case;
 * - `correction`: its latest case was returned, and that case is resubmitted;
 * - `change`: a registered subject whose holder asked to change it (`?case=change`); the saved
 *   description is the proposal, submitted with a change case while the registered values stay in force;
 * - `locked`: under review, or registered without a change asked for.
 */
export type WizardMode = 'draft' | 'correction' | 'change' | 'locked';

export function wizardModeOf(
  status: SubjectStatus | undefined,
  latest: RegistrationCaseSummary | undefined,
  changeRequested: boolean,
): WizardMode {
  if (status === undefined || status === 'draft') return 'draft';
  if (latest?.state === 'returned') return 'correction';
  if (changeRequested && canStartChange(status, latest)) return 'change';
  return 'locked';
}

/** Whether the wizard edits a change proposal (a new change, or a returned change case) — for the banner. */
export function isChangeProposal(mode: WizardMode, latest: RegistrationCaseSummary | undefined): boolean {
  return mode === 'change' || (mode === 'correction' && latest?.caseType === 'change');
}

/** The case the wizard opens on submit (a returned case is resubmitted instead). */
export function submitCaseTypeOf(mode: WizardMode): 'initial' | 'change' {
  return mode === 'change' ? 'change' : 'initial';
}
