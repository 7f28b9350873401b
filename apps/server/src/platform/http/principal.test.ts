import { describe, expect, it } from 'vitest';
import { listedOrganizations, type Principal } from './principal.js';

const user = (platformRoles: Extract<Principal, { kind: 'user' }>['platformRoles']): Principal => ({
  kind: 'user',
  userId: 'usr_1',
  email: 'a@example.cn',
  displayName: '甲',
  platformRoles,
  via: 'session',
  sessionId: 'ses_1',
  scopes: ['read', 'write'],
});

describe('listedOrganizations', () => {
  const staff = ['exchange_reviewer'] as const;
  it('shows members their own organizations, narrowed to the one asked for, never another', () => {
    expect(listedOrganizations(user([]), ['org_a', 'org_b'], undefined, staff)).toEqual(['org_a', 'org_b']);
    expect(listedOrganizations(user([]), ['org_a', 'org_b'], 'org_b', staff)).toEqual(['org_b']);
    expect(listedOrganizations(user([]), ['org_a'], 'org_x', staff)).toEqual([]);
  });
  it('shows staff everything, or the organization asked for', () => {
    expect(listedOrganizations(user(['exchange_reviewer']), [], undefined, staff)).toBeUndefined();
    expect(listedOrganizations(user(['exchange_reviewer']), [], 'org_x', staff)).toEqual(['org_x']);
    expect(listedOrganizations(user(['regulator']), ['org_a'], undefined, staff)).toEqual(['org_a']);
  });
});
