/**
 * Rules the checklist form applies before saving, mirroring the server's: a decided item needs a
 * note when it fails, and the tradability item (可交易性) needs every prohibited category answered;
 * it can only pass when none applies.
 */
import { PROHIBITED_CATEGORIES, type CheckVerdict } from '@shuliu/core';

/** The checklist key whose item carries the prohibited-category answers. */
export const TRADABILITY_KEY = 'tradability';

/** Why an answer cannot be saved, or null. */
export type ChecklistProblem = 'note_required' | 'answers_missing' | 'prohibited_category_applies';

/** The first problem with an item's answer, or null when it can be saved. */
export function checklistProblem(
  key: string,
  verdict: CheckVerdict,
  note: string,
  answers: Partial<Record<string, boolean>> | undefined,
): ChecklistProblem | null {
  if (verdict === 'fail' && note.trim() === '') return 'note_required';
  if (key !== TRADABILITY_KEY || verdict === 'pending' || verdict === 'not_applicable') return null;
  const given = answers ?? {};
  if (PROHIBITED_CATEGORIES.some((category) => typeof given[category] !== 'boolean'))
    return 'answers_missing';
  if (verdict === 'pass' && PROHIBITED_CATEGORIES.some((category) => given[category] === true)) {
    return 'prohibited_category_applies';
  }
  return null;
}

/** Items decided so far (pass, fail or not applicable) out of all. */
export function checklistProgress(items: readonly { verdict: CheckVerdict }[]): {
  decided: number;
  total: number;
} {
  return { decided: items.filter((item) => item.verdict !== 'pending').length, total: items.length };
}

/** True when every item passed or is not applicable: what publicity requires. */
export function isChecklistCleared(items: readonly { verdict: CheckVerdict }[]): boolean {
  return items.every((item) => item.verdict === 'pass' || item.verdict === 'not_applicable');
}
