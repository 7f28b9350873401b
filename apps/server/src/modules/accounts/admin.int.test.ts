/**
 * User administration (用户管理) through the real API and PostgreSQL: finding users, granting and
 * withdrawing platform roles with their guard rails, and lifting sign-in locks.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEventsOf } from '../../platform/events/events.js';
import { verifyEventChain } from '../../platform/events/verify-log.js';
import { clientFor, errorCodeOf, signUpUser, type TestUser } from '../../test/factories.js';
import { startTestNode, type TestNode } from '../../test/test-node.js';

interface AdminUser {
  id: string;
  email: string;
  displayName: string;
  platformRoles: string[];
  createdAt: string;
  lockedUntil: string | null;
  organizations: { id: string; name: string; role: string }[];
}
interface AdminUserList {
  items: AdminUser[];
  nextCursor: string | null;
  total: number;
}

let node: TestNode;
let admin: TestUser;
beforeAll(async () => {
  node = await startTestNode({ env: { SHULIU_LOGIN_MAX_FAILURES: '3' } });
  admin = await signUpUser(node, { platformRoles: ['exchange_admin'], displayName: '平台管理员' });
});
afterAll(async () => {
  await node.close();
});

/** A fragment no other test's users contain, so counts are exact. */
const freshTag = () => `zq${randomBytes(3).toString('hex')}`;

async function listUsers(query: Record<string, string>, caller: TestUser = admin): Promise<AdminUserList> {
  const res = await caller.request(`/api/admin/users?${new URLSearchParams(query).toString()}`);
  expect(res.status).toBe(200);
  return (await res.json()) as AdminUserList;
}

function organizationOwnedBy(userId: string, name: string) {
  const { organizations } = node.platform.built.services.accounts;
  return node.platform.deps.database.db.transaction((tx) =>
    organizations.createOrganization(tx, { name, createdBy: userId }, null),
  );
}

describe('finding users', () => {
  it('finds users by a case-insensitive fragment of their email or name, with organizations and roles', async () => {
    const tag = freshTag();
    const byEmail = await signUpUser(node, { email: `Li.Na.${tag}@Example.cn`, displayName: '李娜' });
    const byName = await signUpUser(node, { displayName: `王${tag}明`, platformRoles: ['regulator'] });
    await signUpUser(node, { displayName: '无关用户' });
    const org = await organizationOwnedBy(byName.id, '数元科技有限公司');

    const found = await listUsers({ q: tag.toUpperCase() });
    expect(found.total).toBe(2);
    expect(found.items.map((u) => u.id)).toEqual([byName.id, byEmail.id]);
    expect(found.items[0]).toMatchObject({
      displayName: `王${tag}明`,
      platformRoles: ['regulator'],
      lockedUntil: null,
      organizations: [{ id: org.id, name: '数元科技有限公司', role: 'owner' }],
    });
    expect(found.items[1]).toMatchObject({ email: `li.na.${tag}@example.cn`, organizations: [] });
    expect(Date.parse(found.items[1]?.createdAt ?? '')).not.toBeNaN();
  });

  it('takes % and _ in the search literally', async () => {
    const tag = freshTag();
    const percent = await signUpUser(node, { displayName: `100%${tag}` });
    await signUpUser(node, { displayName: `100x${tag}` });
    const underscore = await signUpUser(node, { displayName: `a_${tag}` });
    await signUpUser(node, { displayName: `ab${tag}` });

    expect((await listUsers({ q: `0%${tag}` })).items.map((u) => u.id)).toEqual([percent.id]);
    expect((await listUsers({ q: `_${tag}` })).items.map((u) => u.id)).toEqual([underscore.id]);
  });

  it('filters by platform role', async () => {
    const tag = freshTag();
    const regulator = await signUpUser(node, { displayName: `监管${tag}`, platformRoles: ['regulator'] });
    await signUpUser(node, { displayName: `审核${tag}`, platformRoles: ['exchange_reviewer'] });
    await signUpUser(node, { displayName: `普通${tag}` });

    const regulators = await listUsers({ q: tag, role: 'regulator' });
    expect(regulators.items.map((u) => u.id)).toEqual([regulator.id]);
    expect(regulators.total).toBe(1);
    const everyRegulator = await listUsers({ role: 'regulator', limit: '100' });
    expect(everyRegulator.items.length).toBeGreaterThanOrEqual(1);
    expect(everyRegulator.items.every((u) => u.platformRoles.includes('regulator'))).toBe(true);
    expect((await listUsers({ role: 'exchange_admin' })).items.map((u) => u.id)).toContain(admin.id);
  });

  it('pages newest first by cursor, without gaps or repeats, and counts every match on each page', async () => {
    const tag = freshTag();
    const created: string[] = [];
    for (let i = 0; i < 5; i++) created.push((await signUpUser(node, { displayName: `分页${tag}-${i}` })).id);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: AdminUserList = await listUsers({ q: tag, limit: '2', ...(cursor ? { cursor } : {}) });
      expect(page.total).toBe(5);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((u) => u.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...created].reverse());
  });

  it('refuses a cursor it did not produce', async () => {
    const res = await admin.request('/api/admin/users?cursor=not-a-cursor');
    expect(res.status).toBe(400);
    expect(await errorCodeOf(res)).toBe('http.validation_failed');
  });
});

describe('who may administer users', () => {
  it('answers 401 to anonymous callers and 403 to anyone but an exchange admin', async () => {
    const plain = await signUpUser(node);
    const reviewer = await signUpUser(node, { platformRoles: ['exchange_reviewer'] });
    expect((await node.request('/api/admin/users')).status).toBe(401);
    expect((await clientFor(node).send('POST', `/api/admin/users/${plain.id}/unlock`)).status).toBe(401);
    for (const caller of [plain, reviewer]) {
      const list = await caller.request('/api/admin/users');
      expect(list.status).toBe(403);
      expect(await errorCodeOf(list)).toBe('auth.forbidden');
      expect((await caller.send('POST', `/api/admin/users/${plain.id}/unlock`)).status).toBe(403);
      const grant = await caller.send('PUT', `/api/admin/users/${caller.id}/platform-roles`, {
        platformRoles: ['exchange_admin'],
      });
      expect(grant.status).toBe(403);
    }
  });
});

describe('platform roles', () => {
  it('opens the review queue to a user as soon as the reviewer role is granted', async () => {
    const colleague = await signUpUser(node);
    expect((await colleague.request('/api/participant-applications?scope=queue')).status).toBe(403);
    const granted = await admin.send('PUT', `/api/admin/users/${colleague.id}/platform-roles`, {
      platformRoles: ['exchange_reviewer'],
    });
    expect(granted.status).toBe(200);
    expect((await colleague.request('/api/participant-applications?scope=queue')).status).toBe(200);
    const [listed] = (await listUsers({ q: colleague.email })).items;
    expect(listed?.platformRoles).toEqual(['exchange_reviewer']);
  });

  it('refuses an admin withdrawing their own exchange admin role, in the caller’s language', async () => {
    const second = await signUpUser(node, { platformRoles: ['exchange_admin'] });
    const res = await admin.send(
      'PUT',
      `/api/admin/users/${admin.id}/platform-roles`,
      { platformRoles: ['exchange_reviewer'] },
      { 'accept-language': 'en' },
    );
    expect(res.status).toBe(409);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('accounts.platform_roles.self_demotion');
    expect(body.error.message).toMatch(/another exchange admin/);
    const [self] = (await listUsers({ q: admin.email })).items;
    expect(self?.platformRoles).toEqual(['exchange_admin']);
    // Adding a role to oneself is no demotion; another admin may withdraw the role.
    const widened = await admin.send('PUT', `/api/admin/users/${admin.id}/platform-roles`, {
      platformRoles: ['exchange_admin', 'exchange_reviewer'],
    });
    expect(widened.status).toBe(200);
    const byOther = await admin.send('PUT', `/api/admin/users/${second.id}/platform-roles`, {
      platformRoles: [],
    });
    expect(byOther.status).toBe(200);
  });
});

describe('the last exchange admin', () => {
  // A node of its own with one exchange admin, so the number of admins is known.
  let solo: TestNode;
  let soleAdmin: TestUser;
  beforeAll(async () => {
    solo = await startTestNode();
    soleAdmin = await signUpUser(solo, { platformRoles: ['exchange_admin'] });
  });
  afterAll(async () => {
    await solo.close();
  });
  const adminsOf = async (caller: TestUser) => {
    const res = await caller.request('/api/admin/users?role=exchange_admin');
    return ((await res.json()) as AdminUserList).items.map((u) => u.id);
  };

  it('is kept even when the change comes from outside a session (the CLI acts as nobody)', async () => {
    const { auth } = solo.platform.built.services.accounts;
    await expect(
      auth.setPlatformRoles(soleAdmin.id, ['exchange_reviewer'], { userId: null, requestId: 'cli' }),
    ).rejects.toMatchObject({ code: 'accounts.platform_roles.last_admin', status: 409 });
    expect(await adminsOf(soleAdmin)).toEqual([soleAdmin.id]);
  });

  it('is kept when two admins demote each other at the same moment: exactly one wins', async () => {
    const second = await signUpUser(solo, { platformRoles: ['exchange_admin'] });
    const { auth } = solo.platform.built.services.accounts;
    const db = solo.platform.deps.database.db;
    let racing: Promise<PromiseSettledResult<unknown>[]> = Promise.resolve([]);
    // Hold back event writes, so that without a lock both changes would pass their checks before
    // either commits; release once both are waiting (on the event table, or on the roles lock).
    await db.transaction(async (hold) => {
      await hold.execute(sql`LOCK TABLE events IN EXCLUSIVE MODE`);
      racing = Promise.allSettled([
        auth.setPlatformRoles(second.id, [], { userId: soleAdmin.id, requestId: null }),
        auth.setPlatformRoles(soleAdmin.id, [], { userId: second.id, requestId: null }),
      ]);
      for (let waited = 0; waited < 100; waited++) {
        const { rows } = await hold.execute<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database
              WHERE NOT l.granted AND d.datname = current_database()`,
        );
        if ((rows[0]?.n ?? 0) >= 2) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    const outcomes = await racing;
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((o) => o.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: 'accounts.platform_roles.last_admin' });
    const survivor = outcomes[0]?.status === 'fulfilled' ? soleAdmin : second;
    expect(await adminsOf(survivor)).toEqual([survivor.id]);
  });
});

describe('unlocking accounts', () => {
  async function lockOut(user: TestUser) {
    for (let i = 0; i < 3; i++) {
      await clientFor(node).send('POST', '/api/auth/login', {
        email: user.email,
        password: 'wrong password!',
      });
    }
    const locked = await clientFor(node).send('POST', '/api/auth/login', {
      email: user.email,
      password: user.password,
    });
    expect(locked.status).toBe(423);
  }

  it('lifts the lock so the user signs in again, and records who did it', async () => {
    const user = await signUpUser(node);
    await lockOut(user);
    const [listed] = (await listUsers({ q: user.email })).items;
    expect(Date.parse(listed?.lockedUntil ?? '')).toBeGreaterThan(Date.now());

    const res = await admin.send('POST', `/api/admin/users/${user.id}/unlock`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: user.id, lockedUntil: null });
    const login = await clientFor(node).send('POST', '/api/auth/login', {
      email: user.email,
      password: user.password,
    });
    expect(login.status).toBe(200);

    const events = await listEventsOf(node.platform.deps.database.db, 'user', user.id);
    const unlocked = events.filter((e) => e.type === 'accounts.user.unlocked');
    expect(unlocked).toHaveLength(1);
    expect(unlocked[0]?.actorId).toBe(admin.id);
  });

  it('leaves an account that is not locked as it is, without an event', async () => {
    const user = await signUpUser(node);
    const res = await admin.send('POST', `/api/admin/users/${user.id}/unlock`);
    expect(res.status).toBe(200);
    const events = await listEventsOf(node.platform.deps.database.db, 'user', user.id);
    expect(events.map((e) => e.type)).not.toContain('accounts.user.unlocked');
  });

  it('answers 404 for an unknown user', async () => {
    const res = await admin.send('POST', '/api/admin/users/usr_unknown/unlock');
    expect(res.status).toBe(404);
    expect(await errorCodeOf(res)).toBe('accounts.user.not_found');
  });
});

describe('the event log', () => {
  it('recorded every change above in an unbroken chain', async () => {
    const report = await verifyEventChain(node.platform.deps.database.db);
    expect(report.firstBreak).toBeNull();
  });
});
