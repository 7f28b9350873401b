import { toOdrlOffer } from '@shuliu/core';
import { describe, expect, it } from 'vitest';
import { policyValuesOf, toConstraint, toUsagePolicy } from './policy';

describe('toConstraint', () => {
  it('keeps complete constraints of each kind', () => {
    expect(toConstraint({ kind: 'purpose', anyOf: [' 科研 ', '科研', ''] })).toEqual({
      kind: 'purpose',
      anyOf: ['科研'],
    });
    expect(toConstraint({ kind: 'period', from: '2026-01-01', to: '2026-12-31' })).toEqual({
      kind: 'period',
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(toConstraint({ kind: 'count', max: 1000 })).toEqual({ kind: 'count', max: 1000 });
    expect(toConstraint({ kind: 'recipient_role', anyOf: ['buyer'] })).toEqual({
      kind: 'recipient_role',
      anyOf: ['buyer'],
    });
  });

  it('drops incomplete or contradictory rows', () => {
    expect(toConstraint({ kind: 'region', anyOf: [] })).toBeNull();
    expect(toConstraint({ kind: 'period', from: '2026-12-31', to: '2026-01-01' })).toBeNull();
    expect(toConstraint({ kind: 'count', max: 0 })).toBeNull();
    expect(toConstraint({ kind: 'count', max: 1.5 })).toBeNull();
    expect(toConstraint({})).toBeNull();
  });
});

describe('toUsagePolicy', () => {
  it('builds rules from rows with an action and round-trips through policyValuesOf', () => {
    const policy = toUsagePolicy({
      permissions: [
        { action: 'use', constraints: [{ kind: 'region', anyOf: ['350000'] }, { kind: 'count' }] },
        { constraints: [] },
      ],
      prohibitions: [undefined, { action: 'distribute' }],
    });
    expect(policy).toEqual({
      permissions: [{ action: 'use', constraints: [{ kind: 'region', anyOf: ['350000'] }] }],
      prohibitions: [{ action: 'distribute', constraints: [] }],
    });
    expect(toUsagePolicy(policyValuesOf(policy))).toEqual(policy);
  });

  it('gives a policy the ODRL offer is built from', () => {
    const offer = toOdrlOffer(toUsagePolicy({ permissions: [{ action: 'use' }] }), {
      policy: 'urn:p',
      target: 'urn:t',
      assigner: 'urn:a',
    });
    expect(offer.permission).toEqual([{ target: 'urn:t', action: 'use' }]);
  });
});
