import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../platform/clock.js';
import { eq } from 'drizzle-orm';
import { listEventsOf } from '../../platform/events/events.js';
import { verifyEventChain } from '../../platform/events/verify-log.js';
import { sessions } from './accounts.tables.js';
import { PURGE_QUEUE } from './index.js';
import { clientFor, errorCodeOf, signUpUser, uniqueEmail } from '../../test/factories.js';
import { startTestNode, type TestNode } from '../../test/test-node.js';

let node: TestNode;
beforeAll(async () => {
  node = await startTestNode({
    manualClock: true,
    env: { SHULIU_LOGIN_MAX_FAILURES: '3', SHULIU_LOGIN_RATE_PER_MINUTE: '1000' },
  });
});
afterAll(async () => {
  await node.close();
});

describe('sign-up and sign-in', () => {
  it('signs a person up, sets an httpOnly session cookie and a CSRF cookie, and knows them at /api/me', async () => {
    const client = clientFor(node);
    const res = await client.send('POST', '/api/auth/sign-up', {
      email: 'Li.Na@Example.cn',
      password: 'a long enough pass',
      displayName: '李娜',
    });
    expect(res.status).toBe(201);
    const setCookies = res.headers.getSetCookie();
    expect(setCookies.find((c) => c.startsWith('shuliu_session='))).toMatch(/HttpOnly/i);
    expect(setCookies.find((c) => c.startsWith('shuliu_session='))).toMatch(/SameSite=Lax/i);
    expect(setCookies.find((c) => c.startsWith('shuliu_csrf='))).not.toMatch(/HttpOnly/i);
    const me = (await (await client.request('/api/me')).json()) as {
      email: string;
      displayName: string;
      organizations: unknown[];
    };
    expect(me).toMatchObject({ email: 'li.na@example.cn', displayName: '李娜', organizations: [] });
  });

  it('refuses a second account for the same email, whatever its case', async () => {
    const email = uniqueEmail();
    await signUpUser(node, { email });
    const res = await clientFor(node).send('POST', '/api/auth/sign-up', {
      email: email.toUpperCase(),
      password: 'another long pass',
      displayName: 'x',
    });
    expect(res.status).toBe(409);
    expect(await errorCodeOf(res)).toBe('auth.email_taken');
  });

  it('refuses a short password and a malformed email with clear codes', async () => {
    const weak = await clientFor(node).send('POST', '/api/auth/sign-up', {
      email: uniqueEmail(),
      password: 'short',
      displayName: 'x',
    });
    expect(weak.status).toBe(400);
    expect(await errorCodeOf(weak)).toBe('auth.weak_password');
    const bad = await clientFor(node).send('POST', '/api/auth/sign-up', {
      email: 'not-an-email',
      password: 'long enough password',
      displayName: 'x',
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; details: { issues: { path: string }[] } } };
    expect(body.error.code).toBe('http.validation_failed');
    expect(body.error.details.issues.map((i) => i.path)).toContain('email');
  });

  it('refuses wrong types without a 500', async () => {
    const res = await clientFor(node).send('POST', '/api/auth/login', { email: 42, password: ['x'] });
    expect(res.status).toBe(400);
    expect(await errorCodeOf(res)).toBe('http.validation_failed');
  });

  it('locks the account after repeated failures, even for the right password, until the lock expires', async () => {
    const user = await signUpUser(node);
    for (let i = 0; i < 3; i++) {
      const res = await clientFor(node).send('POST', '/api/auth/login', {
        email: user.email,
        password: 'wrong password!',
      });
      expect(res.status).toBe(401);
      expect(await errorCodeOf(res)).toBe('auth.invalid_credentials');
    }
    const locked = await clientFor(node).send('POST', '/api/auth/login', {
      email: user.email,
      password: user.password,
    });
    expect(locked.status).toBe(423);
    expect(((await locked.json()) as { error: { message: string } }).error.message).toMatch(/15 分钟/);
    (node.clock as ManualClock).advance(16 * 60_000);
    const after = await clientFor(node).send('POST', '/api/auth/login', {
      email: user.email,
      password: user.password,
    });
    expect(after.status).toBe(200);
  });

  it('answers an unknown email exactly like a wrong password', async () => {
    const res = await clientFor(node).send('POST', '/api/auth/login', {
      email: uniqueEmail('nobody'),
      password: 'whatever password',
    });
    expect(res.status).toBe(401);
    expect(await errorCodeOf(res)).toBe('auth.invalid_credentials');
  });

  it('signs out: the session no longer works', async () => {
    const user = await signUpUser(node);
    const stolenCookie = user.cookies.get('shuliu_session');
    expect((await user.send('POST', '/api/auth/logout')).status).toBe(204);
    const replay = await node.request('/api/me', { headers: { cookie: `shuliu_session=${stolenCookie}` } });
    expect(replay.status).toBe(401);
    expect(await errorCodeOf(replay)).toBe('auth.unauthenticated');
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated change without the CSRF header', async () => {
    const user = await signUpUser(node);
    const cookie = [...user.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await node.request('/api/me/tokens', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x', scopes: ['read'] }),
    });
    expect(res.status).toBe(403);
    expect(await errorCodeOf(res)).toBe('auth.csrf_failed');
  });
});

describe('passwords', () => {
  it('changes the password, keeps this session and ends the others', async () => {
    const user = await signUpUser(node);
    const other = clientFor(node);
    expect(
      (await other.send('POST', '/api/auth/login', { email: user.email, password: user.password })).status,
    ).toBe(200);
    const wrong = await user.send('POST', '/api/me/password', {
      currentPassword: 'not it at all',
      newPassword: 'a brand new password',
    });
    expect(await errorCodeOf(wrong)).toBe('auth.wrong_password');
    expect(
      (
        await user.send('POST', '/api/me/password', {
          currentPassword: user.password,
          newPassword: 'a brand new password',
        })
      ).status,
    ).toBe(204);
    expect((await user.request('/api/me')).status).toBe(200);
    expect((await other.request('/api/me')).status).toBe(401);
    expect(
      (
        await clientFor(node).send('POST', '/api/auth/login', {
          email: user.email,
          password: 'a brand new password',
        })
      ).status,
    ).toBe(200);
  });

  it('resets a forgotten password with the mailed one-time token', async () => {
    const user = await signUpUser(node);
    const unknown = await clientFor(node).send('POST', '/api/auth/password-reset-requests', {
      email: uniqueEmail('ghost'),
    });
    expect(unknown.status).toBe(202);
    const before = node.mailer.outbox.length;
    expect(
      (await clientFor(node).send('POST', '/api/auth/password-reset-requests', { email: user.email })).status,
    ).toBe(202);
    expect(node.mailer.outbox.length).toBe(before + 1);
    const token = /token=(\S+)/.exec(node.mailer.outbox.at(-1)?.text ?? '')?.[1] ?? '';
    expect(token).toMatch(/^rst_/);
    expect(
      (
        await clientFor(node).send('POST', '/api/auth/password-resets', {
          token,
          newPassword: 'reset to this one',
        })
      ).status,
    ).toBe(204);
    const reused = await clientFor(node).send('POST', '/api/auth/password-resets', {
      token,
      newPassword: 'and again this one',
    });
    expect(reused.status).toBe(400);
    expect(await errorCodeOf(reused)).toBe('auth.reset_token_invalid');
    expect((await user.request('/api/me')).status).toBe(401);
    expect(
      (
        await clientFor(node).send('POST', '/api/auth/login', {
          email: user.email,
          password: 'reset to this one',
        })
      ).status,
    ).toBe(200);
  });
});

describe('API tokens', () => {
  it('shows the secret once, stores only its hash, and limits a read token to reading', async () => {
    const user = await signUpUser(node);
    const created = await user.send('POST', '/api/me/tokens', {
      name: '数据同步',
      scopes: ['read'],
      expiresInDays: 30,
    });
    expect(created.status).toBe(201);
    const { token, id } = (await created.json()) as { token: string; id: string };
    expect(token).toMatch(/^slt_/);
    const list = (await (await user.request('/api/me/tokens')).json()) as {
      items: Record<string, unknown>[];
    };
    expect(JSON.stringify(list)).not.toContain(token);
    const auth = { authorization: `Bearer ${token}` };
    expect((await node.request('/api/me', { headers: auth })).status).toBe(200);
    const used = (await (await user.request('/api/me/tokens')).json()) as {
      items: { id: string; lastUsedAt: string | null }[];
    };
    expect(used.items.find((t) => t.id === id)?.lastUsedAt).not.toBeNull();
    const write = await node.request('/api/auth/logout', { method: 'POST', headers: auth });
    expect(write.status).toBe(403);
    expect(await errorCodeOf(write)).toBe('auth.token_scope');
    const mint = await node.request('/api/me/tokens', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x', scopes: ['write'] }),
    });
    expect(mint.status).toBe(403);
    expect((await user.send('DELETE', `/api/me/tokens/${id}`)).status).toBe(204);
    const revoked = await node.request('/api/me', { headers: auth });
    expect(revoked.status).toBe(401);
    expect(await errorCodeOf(revoked)).toBe('auth.token_invalid');
  });

  it('refuses an expired token and an unknown one', async () => {
    const user = await signUpUser(node);
    const { token } = (await (
      await user.send('POST', '/api/me/tokens', { name: 'short', scopes: ['write'], expiresInDays: 1 })
    ).json()) as { token: string };
    (node.clock as ManualClock).advance(2 * 86_400_000);
    const expired = await node.request('/api/me', { headers: { authorization: `Bearer ${token}` } });
    expect(expired.status).toBe(401);
    expect(await errorCodeOf(expired)).toBe('auth.token_invalid');
    const forged = await node.request('/api/me', { headers: { authorization: 'Bearer slt_forged' } });
    expect(forged.status).toBe(401);
  });

  it('cannot revoke someone else’s token', async () => {
    const alice = await signUpUser(node);
    const bob = await signUpUser(node);
    const { id } = (await (
      await alice.send('POST', '/api/me/tokens', { name: 'a', scopes: ['read'] })
    ).json()) as { id: string };
    const res = await bob.send('DELETE', `/api/me/tokens/${id}`);
    expect(res.status).toBe(404);
    expect(await errorCodeOf(res)).toBe('accounts.token.not_found');
  });
});

describe('organizations and members', () => {
  async function organizationOwnedBy(userId: string) {
    const { organizations } = node.platform.built.services.accounts;
    return node.platform.deps.database.db.transaction((tx) =>
      organizations.createOrganization(tx, { name: '示例科技有限公司', createdBy: userId }, null),
    );
  }

  it('lets members read their organization and hides it from everyone else', async () => {
    const owner = await signUpUser(node);
    const stranger = await signUpUser(node);
    const org = await organizationOwnedBy(owner.id);
    const mine = await owner.request(`/api/organizations/${org.id}`);
    expect(mine.status).toBe(200);
    expect(await mine.json()).toMatchObject({ id: org.id, status: 'unregistered' });
    const theirs = await stranger.request(`/api/organizations/${org.id}`);
    expect(theirs.status).toBe(404);
    expect(await errorCodeOf(theirs)).toBe('accounts.organization.not_found');
    expect((await node.request(`/api/organizations/${org.id}`)).status).toBe(401);
  });

  it('lets exchange staff read any organization', async () => {
    const owner = await signUpUser(node);
    const reviewer = await signUpUser(node, { platformRoles: ['exchange_reviewer'] });
    const org = await organizationOwnedBy(owner.id);
    expect((await reviewer.request(`/api/organizations/${org.id}`)).status).toBe(200);
  });

  it('adds members, masks emails for plain members, and keeps the last owner', async () => {
    const owner = await signUpUser(node);
    const colleague = await signUpUser(node);
    const org = await organizationOwnedBy(owner.id);
    const added = await owner.send('POST', `/api/organizations/${org.id}/members`, {
      email: colleague.email,
      role: 'member',
    });
    expect(added.status).toBe(201);
    const again = await owner.send('POST', `/api/organizations/${org.id}/members`, {
      email: colleague.email,
      role: 'member',
    });
    expect(again.status).toBe(409);
    const seenByMember = (await (await colleague.request(`/api/organizations/${org.id}/members`)).json()) as {
      items: { email: string }[];
    };
    expect(seenByMember.items.every((m) => m.email.includes('***'))).toBe(true);
    const seenByOwner = (await (await owner.request(`/api/organizations/${org.id}/members`)).json()) as {
      items: { email: string }[];
    };
    expect(seenByOwner.items.map((m) => m.email)).toContain(colleague.email);
    const byMember = await colleague.send('POST', `/api/organizations/${org.id}/members`, {
      email: owner.email,
      role: 'admin',
    });
    expect(byMember.status).toBe(403);
    const demoteSelf = await owner.send('PATCH', `/api/organizations/${org.id}/members/${owner.id}`, {
      role: 'member',
    });
    expect(demoteSelf.status).toBe(409);
    expect(await errorCodeOf(demoteSelf)).toBe('accounts.membership.last_owner');
    expect(
      (await colleague.send('DELETE', `/api/organizations/${org.id}/members/${colleague.id}`)).status,
    ).toBe(204);
  });
});

describe('platform roles', () => {
  it('only an exchange admin may grant platform roles', async () => {
    const admin = await signUpUser(node, { platformRoles: ['exchange_admin'] });
    const someone = await signUpUser(node);
    const denied = await someone.send('PUT', `/api/admin/users/${someone.id}/platform-roles`, {
      platformRoles: ['exchange_admin'],
    });
    expect(denied.status).toBe(403);
    const granted = await admin.send('PUT', `/api/admin/users/${someone.id}/platform-roles`, {
      platformRoles: ['exchange_reviewer'],
    });
    expect(granted.status).toBe(200);
    expect(
      ((await (await someone.request('/api/me')).json()) as { platformRoles: string[] }).platformRoles,
    ).toEqual(['exchange_reviewer']);
  });
});

describe('the event log', () => {
  it('recorded every change above in an unbroken chain', async () => {
    const report = await verifyEventChain(node.platform.deps.database.db);
    expect(report.firstBreak).toBeNull();
    expect(report.checked).toBeGreaterThan(30);
  });
});

describe('housekeeping', () => {
  it('purges long-ended sessions through the durable job queue', async () => {
    const user = await signUpUser(node);
    expect((await user.send('POST', '/api/auth/logout')).status).toBe(204);
    (node.clock as ManualClock).advance(31 * 86_400_000);
    await node.platform.deps.jobs.send(PURGE_QUEUE, {});
    const db = node.platform.deps.database.db;
    let remaining = -1;
    for (let attempt = 0; attempt < 60 && remaining !== 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      remaining = (await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, user.id)))
        .length;
    }
    expect(remaining).toBe(0);
    const purged = await listEventsOf(db, 'node', 'accounts');
    expect(purged.at(-1)?.type).toBe('accounts.sessions.purged');
  });
});

describe('rate limiting', () => {
  it('answers 429 once a client exceeds the sign-in rate', async () => {
    const limited = await startTestNode({ env: { SHULIU_LOGIN_RATE_PER_MINUTE: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push(
          (
            await clientFor(limited).send('POST', '/api/auth/login', {
              email: 'a@b.cn',
              password: 'whatever 123',
            })
          ).status,
        );
      }
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses.slice(3)).toEqual([429, 429]);
    } finally {
      await limited.close();
    }
  });
});
