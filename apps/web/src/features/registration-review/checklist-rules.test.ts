import { PROHIBITED_CATEGORIES } from '@shuliu/core';
import { describe, expect, it } from 'vitest';
import { checklistProblem, checklistProgress, isChecklistCleared } from './checklist-rules';

const allNo = Object.fromEntries(PROHIBITED_CATEGORIES.map((c) => [c, false]));

describe('checklistProblem', () => {
  it('asks for a note when an item fails', () => {
    expect(checklistProblem('lawful_source', 'fail', '  ', undefined)).toBe('note_required');
    expect(checklistProblem('lawful_source', 'fail', '授权链缺失', undefined)).toBeNull();
    expect(checklistProblem('lawful_source', 'pass', '', undefined)).toBeNull();
  });

  it('needs every prohibited category answered on the tradability item', () => {
    expect(checklistProblem('tradability', 'pass', '', { national_security: false })).toBe('answers_missing');
    expect(checklistProblem('tradability', 'pass', '', allNo)).toBeNull();
    expect(checklistProblem('tradability', 'pending', '', undefined)).toBeNull();
  });

  it('refuses to pass tradability when a prohibited category applies', () => {
    const answers = { ...allNo, illegal_channel: true };
    expect(checklistProblem('tradability', 'pass', '', answers)).toBe('prohibited_category_applies');
    expect(checklistProblem('tradability', 'fail', '非法渠道获取', answers)).toBeNull();
  });
});

describe('checklistProgress', () => {
  it('counts decided items', () => {
    expect(
      checklistProgress([{ verdict: 'pass' }, { verdict: 'pending' }, { verdict: 'not_applicable' }]),
    ).toEqual({
      decided: 2,
      total: 3,
    });
  });
});

describe('isChecklistCleared', () => {
  it('clears only when every item passed or is not applicable', () => {
    expect(isChecklistCleared([{ verdict: 'pass' }, { verdict: 'not_applicable' }])).toBe(true);
    expect(isChecklistCleared([{ verdict: 'pass' }, { verdict: 'fail' }])).toBe(false);
    expect(isChecklistCleared([{ verdict: 'pending' }])).toBe(false);
  });
});
