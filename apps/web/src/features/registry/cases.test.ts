import type { CaseState, CaseType } from '@shuliu/core';
import { describe, expect, it } from 'vitest';
import type { RegistrationCaseSummary } from './api';
import {
  canStartChange,
  isChangeProposal,
  latestCaseBySubject,
  submitCaseTypeOf,
  wizardModeOf,
} from './cases';

const caseOf = (state: CaseState, caseType: CaseType = 'initial', createdAt = '2026-01-01T00:00:00Z') =>
  ({
    id: `case_${state}_${createdAt}`,
    number: 'DJ-1',
    subjectKind: 'resource',
    subjectId: 'res_1',
    subjectName: '数据',
    caseType,
    state,
    publicityEndsAt: null,
    certificateId: null,
    submittedAt: null,
    createdAt,
    updatedAt: createdAt,
  }) satisfies RegistrationCaseSummary;

describe('latestCaseBySubject', () => {
  it('keeps the newest case of each subject', () => {
    const older = caseOf('active', 'initial', '2026-01-01T00:00:00Z');
    const newer = caseOf('submitted', 'change', '2026-02-01T00:00:00Z');
    expect(latestCaseBySubject([newer, older]).get('res_1')).toBe(newer);
  });
});

describe('canStartChange', () => {
  it('allows a change of a registered subject without an open case', () => {
    expect(canStartChange('registered', caseOf('active'))).toBe(true);
    expect(canStartChange('registered', caseOf('rejected', 'change'))).toBe(true);
    expect(canStartChange('registered', undefined)).toBe(true);
  });

  it('refuses while a case is open or the subject is not registered', () => {
    expect(canStartChange('registered', caseOf('publicity', 'change'))).toBe(false);
    expect(canStartChange('registered', caseOf('returned', 'change'))).toBe(false);
    expect(canStartChange('registering', caseOf('submitted'))).toBe(false);
    expect(canStartChange('draft', undefined)).toBe(false);
    expect(canStartChange('cancelled', caseOf('cancelled'))).toBe(false);
  });
});

describe('wizardModeOf', () => {
  it('edits new subjects and drafts, submitting an initial case', () => {
    expect(wizardModeOf(undefined, undefined, false)).toBe('draft');
    expect(wizardModeOf('draft', undefined, true)).toBe('draft');
    expect(submitCaseTypeOf('draft')).toBe('initial');
  });

  it('corrects a returned case', () => {
    expect(wizardModeOf('registering', caseOf('returned'), false)).toBe('correction');
    expect(wizardModeOf('registered', caseOf('returned', 'change'), false)).toBe('correction');
  });

  it('proposes a change only when asked and allowed, submitting a change case', () => {
    expect(wizardModeOf('registered', caseOf('active'), true)).toBe('change');
    expect(submitCaseTypeOf('change')).toBe('change');
    expect(wizardModeOf('registered', caseOf('active'), false)).toBe('locked');
  });

  it('stays locked under review, even when a change is asked for', () => {
    expect(wizardModeOf('registering', caseOf('formal_review'), true)).toBe('locked');
    expect(wizardModeOf('registered', caseOf('submitted', 'change'), true)).toBe('locked');
    expect(wizardModeOf('cancelled', caseOf('cancelled'), true)).toBe('locked');
  });
});

describe('isChangeProposal', () => {
  it('shows the change banner for a new change and a returned change case only', () => {
    expect(isChangeProposal('change', caseOf('active'))).toBe(true);
    expect(isChangeProposal('correction', caseOf('returned', 'change'))).toBe(true);
    expect(isChangeProposal('correction', caseOf('returned', 'initial'))).toBe(false);
    expect(isChangeProposal('draft', undefined)).toBe(false);
  });
});
