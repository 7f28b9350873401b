import { describe, expect, it } from 'vitest';
import { caseEventOf, caseProgress, mainPathOf, reachedStates } from './case-progress';

describe('mainPathOf', () => {
  it('includes substantive review only when asked', () => {
    expect(mainPathOf(false)).toEqual(['submitted', 'accepted', 'formal_review', 'publicity', 'certified']);
    expect(mainPathOf(true)).toContain('substantive_review');
  });
});

describe('caseProgress', () => {
  it('places a case on its current main-path state', () => {
    expect(caseProgress('formal_review', { substantive: false, reached: [] })).toMatchObject({
      current: 2,
      status: 'process',
    });
    expect(caseProgress('publicity', { substantive: true, reached: [] })).toMatchObject({ current: 4 });
  });

  it('shows an objection review on the publicity step and certified or later as finished', () => {
    expect(caseProgress('objection_review', { substantive: false, reached: [] }).current).toBe(3);
    expect(caseProgress('active', { substantive: false, reached: [] })).toMatchObject({
      current: 4,
      status: 'finish',
    });
  });

  it('stops a returned or rejected case where it was, in error', () => {
    const reached = ['submitted', 'accepted', 'formal_review', 'substantive_review'] as const;
    const progress = caseProgress('returned', { substantive: false, reached });
    expect(progress.path).toContain('substantive_review');
    expect(progress).toMatchObject({ current: 3, status: 'error' });
    expect(caseProgress('withdrawn', { substantive: false, reached: [] })).toMatchObject({
      current: 0,
      status: 'error',
    });
  });
});

describe('reachedStates', () => {
  it('reads the main-path states from engine event types', () => {
    const at = '2026-01-01T00:00:00Z';
    const entry = (type: string) => ({ type, actorName: null, note: null, at });
    expect(
      reachedStates([
        entry('registration.case.created'),
        entry('registration.case.submitted'),
        entry('registration.case.formal_review_started'),
        entry('registration.case.returned'),
      ]),
    ).toEqual(['submitted', 'formal_review']);
    expect(caseEventOf('registration.case.something_new')).toBeUndefined();
  });
});
