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

  it('has a catalog of certified, listed products found by a Chinese query', async () => {
    const search = (await (
      await node.request('/api/catalog/search?q=' + encodeURIComponent('气象'))
    ).json()) as {
      items: { productId: string; name: string; certificateNumber: string }[];
    };
    const weather = search.items.find((i) => i.name.includes('地面气象观测'));
    expect(weather?.certificateNumber).toMatch(/-RC-\d{4}-\d{6}$/);
    const all = (await (await node.request('/api/catalog/search?limit=50')).json()) as { items: unknown[] };
    expect(all.items).toHaveLength(3);
    const certificate = (await (
      await node.request(`/api/registration/certificates/${weather?.certificateNumber ?? ''}`)
    ).json()) as { status: string };
    expect(certificate.status).toBe('active');
    // The shortened publicity is on the record as what it was.
    const events = await node.platform.deps.database.pool.query(
      "SELECT count(*)::int AS n FROM events WHERE type = 'registration.case.publicity_ended_for_demo'",
    );
    expect(events.rows[0]).toEqual({ n: 4 });
  });

  it('has two demo datasets whose versions the job processes, one with personal information', async () => {
    const owner = logins.find((l) => l.email === 'provider2@demo.shuliu.cn');
    const client = clientFor(node);
    const login = await client.send('POST', '/api/auth/login', {
      email: owner?.email,
      password: owner?.password,
    });
    expect(login.status).toBe(200);
    const list = (await (await client.request('/api/datasets')).json()) as {
      items: { id: string; name: string }[];
    };
    expect(list.items.map((d) => d.name).sort()).toEqual([
      '杭州地区逐小时地面气象观测',
      '气象信息员名录（含个人信息，演示脱敏）',
    ]);
    for (const dataset of list.items) {
      const until = Date.now() + 60_000;
      let version = { state: 'uploaded', personalInfoColumns: [] as string[] };
      while (Date.now() < until && (version.state === 'uploaded' || version.state === 'processing')) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        version = (await (
          await client.request(`/api/datasets/${dataset.id}/versions/1`)
        ).json()) as typeof version;
      }
      expect(version.state).toBe('ready');
      if (dataset.name.startsWith('气象信息员'))
        expect(version.personalInfoColumns).toEqual(expect.arrayContaining(['姓名', '身份证号', '手机号']));
      else expect(version.personalInfoColumns).toEqual([]);
    }
  }, 90_000);
});
