import { toOdrlOffer, type UsagePolicy } from '@shuliu/core';
import { describe, expect, it } from 'vitest';
import { readOdrlRules } from './odrl-rules';

const ids = { policy: 'urn:p', target: 'urn:t', assigner: 'did:web:x' };

describe('readOdrlRules', () => {
  it('reads back every constraint kind the platform writes', () => {
    const policy: UsagePolicy = {
      permissions: [
        {
          action: 'use',
          constraints: [
            { kind: 'purpose', anyOf: ['风控建模'] },
            { kind: 'period', from: '2026-01-01', to: '2026-12-31' },
            { kind: 'count', max: 1000 },
            { kind: 'region', anyOf: ['310000'] },
            { kind: 'recipient_role', anyOf: ['demander'] },
          ],
        },
      ],
      prohibitions: [{ action: 'distribute', constraints: [] }],
    };
    expect(readOdrlRules(toOdrlOffer(policy, ids))).toEqual([
      { permitted: true, action: 'use', constraints: policy.permissions[0]?.constraints },
      { permitted: false, action: 'distribute', constraints: [] },
    ]);
  });

  it('keeps constraints it does not know as text and survives junk', () => {
    const rules = readOdrlRules({
      permission: [
        { action: 'odrl:use', constraint: [{ leftOperand: 'event', operator: 'eq', rightOperand: 'x' }] },
      ],
    });
    expect(rules[0]?.action).toBe('use');
    expect(rules[0]?.constraints[0]).toMatchObject({ kind: 'other' });
    expect(readOdrlRules(null)).toEqual([]);
    expect(readOdrlRules({ permission: 'nope' })).toEqual([]);
  });
});
