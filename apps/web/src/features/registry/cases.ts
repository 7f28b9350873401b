/** Pure helpers over registration cases, shared by the list and the wizard pages. */
import type { RegistrationCaseSummary } from './api';

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
