import { describe, expect, it } from 'vitest';
import {
  caseMachine,
  CASE_STATES,
  DEFAULT_CHECKLIST,
  DEFAULT_REGIMES,
  highestGrade,
  isTradableGrade,
  OPEN_CASE_STATES,
  PROHIBITED_CATEGORIES,
} from './registration.js';

describe('grades', () => {
  it('takes the stricter grade ("when in doubt, grade higher")', () => {
    expect(highestGrade(['GENERAL_1', 'GENERAL_3', 'GENERAL_2'])).toBe('GENERAL_3');
    expect(highestGrade(['GENERAL_4', 'IMPORTANT'])).toBe('IMPORTANT');
    expect(highestGrade([])).toBe('GENERAL_1');
  });
  it('never trades core data', () => {
    expect(isTradableGrade('CORE')).toBe(false);
    expect(isTradableGrade('IMPORTANT')).toBe(true);
  });
});

describe('the registration case machine', () => {
  it('walks the main path from draft to active', () => {
    const path = [
      'submit',
      'accept',
      'start_formal_review',
      'start_substantive_review',
      'start_publicity',
      'raise_objection',
      'dismiss_objection',
      'certify',
      'activate',
    ] as const;
    let state = 'draft' as (typeof CASE_STATES)[number];
    for (const action of path) {
      const next = caseMachine.next(state, action);
      expect(next, `${action} from ${state}`).not.toBeNull();
      state = next ?? state;
    }
    expect(state).toBe('active');
  });
  it('allows skipping substantive review but not publicity', () => {
    expect(caseMachine.next('formal_review', 'start_publicity')).toBe('publicity');
    expect(caseMachine.next('formal_review', 'certify')).toBeNull();
    expect(caseMachine.next('submitted', 'certify')).toBeNull();
  });
  it('rejects on an upheld objection and ends in final states', () => {
    expect(caseMachine.next('objection_review', 'uphold_objection')).toBe('rejected');
    for (const s of ['rejected', 'withdrawn', 'expired', 'cancelled', 'superseded'] as const)
      expect(caseMachine.isFinal(s)).toBe(true);
  });
  it('has every state in the table and open states that are not final', () => {
    expect(Object.keys(caseMachine.table).sort()).toEqual([...CASE_STATES].sort());
    for (const s of OPEN_CASE_STATES) expect(caseMachine.isFinal(s)).toBe(false);
  });
});

describe('regimes', () => {
  it('defaults to 3 calendar days for products and 10 working days for property rights', () => {
    expect(DEFAULT_REGIMES.product).toMatchObject({
      publicityDays: 3,
      publicityDayKind: 'calendar',
      validityYears: 3,
    });
    expect(DEFAULT_REGIMES.resource).toMatchObject({ publicityDays: 10, publicityDayKind: 'working' });
  });
  it('checks the five compliance areas, each with zh and en text', () => {
    expect(DEFAULT_CHECKLIST.map((i) => i.key)).toEqual([
      'subject_qualification',
      'lawful_source',
      'security_management',
      'tradability',
      'personal_information',
    ]);
    for (const item of DEFAULT_CHECKLIST)
      expect(item.title.zh && item.title.en && item.evidence.zh).toBeTruthy();
    expect(PROHIBITED_CATEGORIES).toHaveLength(5);
  });
});
