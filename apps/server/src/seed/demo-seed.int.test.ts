import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor } from '../test/factories.js';
import { startTestNode, type TestNode } from '../test/test-node.js';
import { seedDemo, type DemoLogin } from './demo-seed.js';

let node: TestNode;
let logins: DemoLogin[];
beforeAll(async () => {
  node = await startTestNode();
  logins = await seedDemo(node.platform.built);
});
afterAll(async () => {
  await node.close();
});

describe('demo exchange', () => {
  it('has staff, a regulator and a registered participant in every role', async () => {
    expect(logins.map((l) => l.email)).toContain('regulator@demo.shuliu.cn');
    const directory = (await (await node.request('/api/participants?limit=100')).json()) as {
      items: { roles: string[]; status: string }[];
    };
    const roles = new Set(directory.items.flatMap((p) => p.roles));
    expect([...roles].sort()).toEqual(['buyer', 'merchant', 'provider', 'service']);
    expect(directory.items.every((p) => p.status === 'active')).toBe(true);
  });

  it('gives every login a working random password', async () => {
    expect(new Set(logins.map((l) => l.password)).size).toBe(logins.length);
    for (const login of logins.slice(0, 3)) {
      const res = await clientFor(node).send('POST', '/api/auth/login', {
        email: login.email,
        password: login.password,
      });
      expect(res.status).toBe(200);
    }
  });
});
