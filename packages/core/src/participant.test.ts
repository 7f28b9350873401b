import { describe, expect, it } from 'vitest';
import { applicationMachine, participantMachine, requiredCommitments } from './participant.js';

describe('application state machine', () => {
  it('lets a reviewer approve, reject or return a submitted application', () => {
    expect(applicationMachine.next('submitted', 'approve')).toBe('approved');
    expect(applicationMachine.next('submitted', 'reject')).toBe('rejected');
    expect(applicationMachine.next('submitted', 'return')).toBe('returned');
  });

  it('refuses to approve an application already rejected', () => {
    expect(applicationMachine.next('rejected', 'approve')).toBeNull();
    expect(applicationMachine.isFinal('rejected')).toBe(true);
  });

  it('lets the applicant resubmit a returned application', () => {
    expect(applicationMachine.next('returned', 'resubmit')).toBe('submitted');
    expect(applicationMachine.allowedActions('returned').sort()).toEqual(['resubmit', 'withdraw']);
  });
});

describe('participant state machine', () => {
  it('suspends and reinstates, and never leaves revoked', () => {
    expect(participantMachine.next('active', 'suspend')).toBe('suspended');
    expect(participantMachine.next('suspended', 'reinstate')).toBe('active');
    expect(participantMachine.next('revoked', 'reinstate')).toBeNull();
  });
});

describe('required commitments', () => {
  it('asks providers for truth, completeness and legality, and buyers for security capability', () => {
    expect(requiredCommitments(['provider'])).toEqual(['data_truthful', 'data_complete', 'data_lawful']);
    expect(requiredCommitments(['buyer'])).toEqual(['security_capability']);
    expect(requiredCommitments(['merchant'])).toHaveLength(4);
  });
});
