/**
 * Least privilege, checked over every route the app serves: an anonymous caller gets 401 from every
 * route whose policy is not public, and a signed-in caller without platform roles gets 403 from every
 * staff-only route — before validation, so even an empty body cannot get further.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpUser, type TestUser } from './test/factories.js';
import { startTestNode, type TestNode } from './test/test-node.js';

interface Operation {
  method: string;
  path: string;
  policy: string;
}

let node: TestNode;
let plainUser: TestUser;
let operations: Operation[];

/** Policies anyone may call, and policies any signed-in user may call. */
const PUBLIC =
  /^(system\.|accounts\.(sign_up|login|password_reset)|participants\.directory|credentials\.status_list|registration\.(regime\.read|public\.read)|interop\.|catalog\.(search|product\.read)|datasets\.sample\.read_public)/;
const STAFF_ONLY = new Set([
  'accounts.platform_roles.set',
  'accounts.users.read',
  'accounts.users.unlock',
  'participants.application.review',
  'participants.participant.suspend',
  'participants.participant.revoke',
  'registration.regime.update',
  'registration.case.review',
  'registration.objection.decide',
  'registration.certificate.manage',
]);

beforeAll(async () => {
  node = await startTestNode();
  plainUser = await signUpUser(node);
  const spec = (await (await node.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, { 'x-policy': string }>>;
  };
  operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path: path.replace(/\{[^}]+\}/g, 'xyz_0'),
      policy: op['x-policy'],
    })),
  );
});
afterAll(async () => {
  await node.close();
});

const call = (op: Operation, user?: TestUser) => {
  const init = {
    method: op.method,
    headers: { 'content-type': 'application/json' },
    ...(op.method === 'GET' ? {} : { body: '{}' }),
  };
  return user ? user.request(op.path, init) : node.request(op.path, init);
};

describe('least privilege on every route', () => {
  it('has routes to check', () => {
    expect(operations.length).toBeGreaterThan(20);
  });

  it('answers 401 to anonymous callers on every non-public route', async () => {
    const leaks: string[] = [];
    for (const op of operations.filter((o) => !PUBLIC.test(o.policy))) {
      const res = await call(op);
      if (res.status !== 401) leaks.push(`${op.method} ${op.path} (${op.policy}) → ${res.status}`);
    }
    expect(leaks).toEqual([]);
  });

  it('answers 403 to a signed-in user without platform roles on every staff-only route', async () => {
    const staffOps = operations.filter((o) => STAFF_ONLY.has(o.policy));
    expect(staffOps.length).toBeGreaterThanOrEqual(STAFF_ONLY.size);
    const leaks: string[] = [];
    for (const op of staffOps) {
      const res = await call(op, plainUser);
      if (res.status !== 403) leaks.push(`${op.method} ${op.path} (${op.policy}) → ${res.status}`);
    }
    expect(leaks).toEqual([]);
  });

  it('never answers 500 to an empty or malformed call on any route', async () => {
    const failures: string[] = [];
    for (const op of operations) {
      for (const user of [undefined, plainUser]) {
        const res = await call(op, user);
        if (res.status >= 500) failures.push(`${op.method} ${op.path} → ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
