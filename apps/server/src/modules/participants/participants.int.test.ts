import { createPublicKey, verify as verifySignature } from 'node:crypto';
import { createHttpResolvers, verifyCredentialJwt } from '@shuliu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyEventChain } from '../../platform/events/verify-log.js';
import {
  applicationBody,
  errorCodeOf,
  randomCreditCode,
  signUpUser,
  uploadAttachment,
  type TestUser,
} from '../../test/factories.js';
import { startTestNode, type TestNode } from '../../test/test-node.js';

interface Application {
  id: string;
  state: string;
  creditCode: string;
  organizationId: string;
  reviewNote: string | null;
  participantId: string | null;
  history: { action: string; note: string | null }[];
  attachments: { sha256: string }[];
}
interface ParticipantDetail {
  id: string;
  status: string;
  legalRepresentative: string;
  contactPhone: string;
  credential: { jwt: string; number: string };
}

let node: TestNode;
let reviewer: TestUser;
let admin: TestUser;

beforeAll(async () => {
  node = await startTestNode({ env: { SHULIU_MAX_ATTACHMENT_BYTES: '4096', SHULIU_NODE_PREFIX: 'TST' } });
  reviewer = await signUpUser(node, { platformRoles: ['exchange_reviewer'], displayName: '审核员甲' });
  admin = await signUpUser(node, { platformRoles: ['exchange_admin'] });
});
afterAll(async () => {
  await node.close();
});

const readJson = async <T>(res: Response) => (await res.json()) as T;
const resolvers = () =>
  createHttpResolvers((url, init) =>
    Promise.resolve(node.platform.built.app.request(new URL(url).pathname, init)),
  );

async function submitted(user: TestUser, overrides: Record<string, unknown> = {}) {
  const res = await user.send('POST', '/api/participant-applications', applicationBody(overrides));
  expect(res.status).toBe(201);
  return readJson<Application>(res);
}

async function approved(user: TestUser, overrides: Record<string, unknown> = {}) {
  const app = await submitted(user, overrides);
  const res = await reviewer.send('POST', `/api/participant-applications/${app.id}/approve`, {
    note: '材料齐全',
  });
  expect(res.status).toBe(200);
  const after = await readJson<Application>(res);
  const participant = await readJson<ParticipantDetail>(
    await node.request(`/api/participants/${after.participantId}`),
  );
  return { app: after, participant };
}

describe('applying (一主体一登记)', () => {
  it('submits with an uploaded licence and makes the applicant owner of a new organization', async () => {
    const applicant = await signUpUser(node);
    const attachmentId = await uploadAttachment(applicant);
    const app = await submitted(applicant, { attachmentIds: [attachmentId] });
    expect(app.state).toBe('submitted');
    expect(app.attachments[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const me = await readJson<{ organizations: { id: string; role: string }[] }>(
      await applicant.request('/api/me'),
    );
    expect(me.organizations).toEqual([expect.objectContaining({ id: app.organizationId, role: 'owner' })]);
    const file = await reviewer.request(`/api/attachments/${attachmentId}`);
    expect(file.status).toBe(200);
    expect((await file.text()).startsWith('%PDF')).toBe(true);
  });

  it('refuses a second application for the same credit code and writes nothing', async () => {
    const creditCode = randomCreditCode();
    await submitted(await signUpUser(node), { creditCode });
    const second = await signUpUser(node);
    const res = await second.send('POST', '/api/participant-applications', applicationBody({ creditCode }));
    expect(res.status).toBe(409);
    expect(await errorCodeOf(res)).toBe('participants.credit_code.taken');
    const me = await readJson<{ organizations: unknown[] }>(await second.request('/api/me'));
    expect(me.organizations).toEqual([]);
  });

  it('lets exactly one of two simultaneous applicants with the same code in', async () => {
    const creditCode = randomCreditCode();
    const [a, b] = [await signUpUser(node), await signUpUser(node)];
    const statuses = (
      await Promise.all(
        [a, b].map((u) => u.send('POST', '/api/participant-applications', applicationBody({ creditCode }))),
      )
    ).map((r) => r.status);
    expect(statuses.sort()).toEqual([201, 409]);
  });

  it('refuses a second live application for the same organization', async () => {
    const owner = await signUpUser(node);
    const first = await submitted(owner);
    const res = await owner.send(
      'POST',
      '/api/participant-applications',
      applicationBody({ organizationId: first.organizationId }),
    );
    expect(res.status).toBe(409);
    expect(await errorCodeOf(res)).toBe('participants.organization.already_applied');
  });

  it('explains a wrong check character', async () => {
    const code = randomCreditCode();
    const wrong = code.slice(0, 17) + (code.endsWith('0') ? '1' : '0');
    const res = await (
      await signUpUser(node)
    ).send('POST', '/api/participant-applications', applicationBody({ creditCode: wrong }));
    expect(res.status).toBe(400);
    const body = await readJson<{ error: { code: string; details: { problem: string }; message: string } }>(
      res,
    );
    expect(body.error).toMatchObject({
      code: 'participants.credit_code.invalid',
      details: { problem: 'check_character' },
    });
    expect(body.error.message).toMatch(/统一社会信用代码无效/);
  });

  it('requires the commitments the roles need, and subtypes for merchants', async () => {
    const user = await signUpUser(node);
    const missing = await user.send(
      'POST',
      '/api/participant-applications',
      applicationBody({ roles: ['provider'], commitments: ['data_truthful'] }),
    );
    expect(missing.status).toBe(400);
    expect(
      await readJson<{ error: { code: string; details: { missing: string[] } } }>(missing),
    ).toMatchObject({
      error: {
        code: 'participants.commitments.missing',
        details: { missing: ['data_complete', 'data_lawful'] },
      },
    });
    const merchant = await user.send(
      'POST',
      '/api/participant-applications',
      applicationBody({ roles: ['merchant'] }),
    );
    expect(merchant.status).toBe(400);
    expect(await errorCodeOf(merchant)).toBe('http.validation_failed');
    const division = await user.send(
      'POST',
      '/api/participant-applications',
      applicationBody({ divisionCode: '991234' }),
    );
    expect(await errorCodeOf(division)).toBe('participants.division_code.invalid');
  });

  it('refuses attachments the applicant did not upload', async () => {
    const other = await signUpUser(node);
    const theirs = await uploadAttachment(other);
    const res = await (
      await signUpUser(node)
    ).send('POST', '/api/participant-applications', applicationBody({ attachmentIds: [theirs] }));
    expect(res.status).toBe(400);
    expect(await errorCodeOf(res)).toBe('http.validation_failed');
  });

  it('requires sign-in to apply', async () => {
    const res = await node.request('/api/participant-applications', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(applicationBody()),
    });
    expect(res.status).toBe(401);
  });
});

describe('attachments', () => {
  it('judges the type from the bytes, not the name', async () => {
    const user = await signUpUser(node);
    const form = new FormData();
    form.set('file', new File(['just text, not a PDF'], 'licence.pdf', { type: 'application/pdf' }));
    const res = await user.request('/api/attachments', { method: 'POST', body: form });
    expect(res.status).toBe(415);
    expect(await errorCodeOf(res)).toBe('participants.attachment.type_not_allowed');
  });

  it('refuses a file over the limit', async () => {
    const user = await signUpUser(node);
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(8192, 0x20)]);
    const form = new FormData();
    form.set('file', new File([big], 'big.pdf'));
    const res = await user.request('/api/attachments', { method: 'POST', body: form });
    expect(res.status).toBe(413);
  });

  it('hides an attachment from other applicants', async () => {
    const id = await uploadAttachment(await signUpUser(node));
    const res = await (await signUpUser(node)).request(`/api/attachments/${id}`);
    expect(res.status).toBe(404);
  });
});

describe('review', () => {
  it('keeps the queue to exchange staff', async () => {
    const user = await signUpUser(node);
    const res = await user.request('/api/participant-applications?scope=queue');
    expect(res.status).toBe(403);
    await submitted(user);
    const queue = await readJson<{ items: { id: string }[] }>(
      await reviewer.request('/api/participant-applications?scope=queue&state=submitted&limit=100'),
    );
    expect(queue.items.length).toBeGreaterThan(0);
  });

  it('returns for correction with a reason, accepts the correction, then approves and issues a credential', async () => {
    const applicant = await signUpUser(node, { displayName: '申请人乙' });
    const app = await submitted(applicant);
    const noReason = await reviewer.send('POST', `/api/participant-applications/${app.id}/return`, {});
    expect(noReason.status).toBe(400);
    const returned = await readJson<Application>(
      await reviewer.send('POST', `/api/participant-applications/${app.id}/return`, {
        reason: '营业执照照片不清晰，请重新上传',
      }),
    );
    expect(returned).toMatchObject({ state: 'returned', reviewNote: '营业执照照片不清晰，请重新上传' });
    const early = await reviewer.send('POST', `/api/participant-applications/${app.id}/approve`, {});
    expect(early.status).toBe(409);
    expect(await errorCodeOf(early)).toBe('participants.application.illegal_transition');
    const corrected = await applicant.send(
      'PUT',
      `/api/participant-applications/${app.id}`,
      applicationBody({
        creditCode: (
          await readJson<{ creditCode: string }>(
            await applicant.request(`/api/participant-applications/${app.id}`),
          )
        ).creditCode,
        attachmentIds: [await uploadAttachment(applicant)],
      }),
    );
    expect(corrected.status).toBe(200);
    expect((await applicant.send('POST', `/api/participant-applications/${app.id}/resubmit`)).status).toBe(
      200,
    );
    const done = await readJson<Application>(
      await reviewer.send('POST', `/api/participant-applications/${app.id}/approve`, { note: '同意' }),
    );
    expect(done.state).toBe('approved');
    expect(done.history.map((h) => h.action)).toEqual([
      'submitted',
      'returned',
      'corrected',
      'resubmitted',
      'approved',
    ]);
    const participant = await readJson<ParticipantDetail>(
      await node.request(`/api/participants/${done.participantId}`),
    );
    expect(participant.credential.number).toMatch(/^TST-P-\d{4}-\d{6}$/);
    const me = await readJson<{ organizations: { participantId: string | null }[] }>(
      await applicant.request('/api/me'),
    );
    expect(me.organizations[0]?.participantId).toBe(done.participantId);
  });

  it('refuses to approve a rejected application', async () => {
    const app = await submitted(await signUpUser(node));
    expect(
      (
        await reviewer.send('POST', `/api/participant-applications/${app.id}/reject`, {
          reason: '主体资格不符',
        })
      ).status,
    ).toBe(200);
    const res = await reviewer.send('POST', `/api/participant-applications/${app.id}/approve`, {});
    expect(res.status).toBe(409);
    expect(await readJson<{ error: { details: { from: string; action: string } } }>(res)).toMatchObject({
      error: { details: { from: 'rejected', action: 'approve' } },
    });
  });

  it('lets a rejected credit code apply again', async () => {
    const creditCode = randomCreditCode();
    const app = await submitted(await signUpUser(node), { creditCode });
    await reviewer.send('POST', `/api/participant-applications/${app.id}/reject`, { reason: '材料不全' });
    await submitted(await signUpUser(node), { creditCode });
  });

  it('forbids reviewing an application of one’s own organization', async () => {
    const app = await submitted(reviewer);
    const res = await reviewer.send('POST', `/api/participant-applications/${app.id}/approve`, {});
    expect(res.status).toBe(403);
  });

  it('forbids ordinary users from deciding', async () => {
    const app = await submitted(await signUpUser(node));
    const res = await (
      await signUpUser(node)
    ).send('POST', `/api/participant-applications/${app.id}/approve`, {});
    expect(res.status).toBe(403);
  });

  it('hides one applicant’s application from another', async () => {
    const app = await submitted(await signUpUser(node));
    expect((await (await signUpUser(node)).request(`/api/participant-applications/${app.id}`)).status).toBe(
      404,
    );
  });
});

describe('searching and filtering applications', () => {
  interface ApplicationPage {
    items: { id: string; name: string; creditCode: string; roles: string[] }[];
    nextCursor: string | null;
    total: number;
  }
  const list = async (user: TestUser, query: Record<string, string>) => {
    const res = await user.request(`/api/participant-applications?${new URLSearchParams(query).toString()}`);
    expect(res.status).toBe(200);
    return readJson<ApplicationPage>(res);
  };
  const idsOf = (page: ApplicationPage) => page.items.map((item) => item.id).sort();

  let dataFirm: Application;
  let creditBureau: Application;
  let archive: Application;
  let dataFirmOwner: TestUser;

  beforeAll(async () => {
    dataFirmOwner = await signUpUser(node);
    dataFirm = await submitted(dataFirmOwner, {
      name: '杭州西溪数据科技有限公司',
      roles: ['provider', 'buyer'],
    });
    creditBureau = await submitted(await signUpUser(node), {
      name: '杭州西溪征信服务有限公司',
      roles: ['service'],
      serviceTypes: ['valuation'],
    });
    archive = await submitted(await signUpUser(node), {
      name: '杭州西溪档案数字化有限公司',
      roles: ['provider'],
    });
    await submitted(await signUpUser(node), { name: '宁波港湾数据有限公司' });
    const res = await reviewer.send('POST', `/api/participant-applications/${archive.id}/reject`, {
      reason: '主体资格不符',
    });
    expect(res.status).toBe(200);
  });

  it('finds applications by a fragment of the Chinese name, in every state, with the total', async () => {
    const page = await list(reviewer, { scope: 'queue', q: '西溪', limit: '100' });
    expect(idsOf(page)).toEqual([dataFirm.id, creditBureau.id, archive.id].sort());
    expect(page.total).toBe(3);
  });

  it('narrows the search to one state', async () => {
    const page = await list(reviewer, { scope: 'queue', q: '西溪', state: 'rejected' });
    expect(idsOf(page)).toEqual([archive.id]);
    expect(page.total).toBe(1);
  });

  it('finds an application by a lower-cased fragment of its credit code', async () => {
    const fragment = dataFirm.creditCode.slice(6, 16).toLowerCase();
    const page = await list(reviewer, { scope: 'queue', q: fragment });
    expect(idsOf(page)).toEqual([dataFirm.id]);
    expect(page.total).toBe(1);
  });

  it('takes LIKE wildcards in the search literally', async () => {
    for (const q of ['%', '_', '西%溪', '\\']) {
      const page = await list(reviewer, { scope: 'queue', q });
      expect(page).toEqual({ items: [], nextCursor: null, total: 0 });
    }
  });

  it('filters by the role asked for', async () => {
    const services = await list(reviewer, { scope: 'queue', q: '西溪', role: 'service' });
    expect(idsOf(services)).toEqual([creditBureau.id]);
    expect(services.total).toBe(1);
    const providers = await list(reviewer, { scope: 'queue', q: '西溪', role: 'provider' });
    expect(idsOf(providers)).toEqual([dataFirm.id, archive.id].sort());
    const everyRoleMatches = await list(reviewer, { scope: 'queue', role: 'service', limit: '100' });
    expect(everyRoleMatches.items.every((item) => item.roles.includes('service'))).toBe(true);
    expect(everyRoleMatches.items.map((item) => item.id)).toContain(creditBureau.id);
  });

  it('pages a filtered list with the cursor, keeping the total on every page', async () => {
    const query = { scope: 'queue', q: '西溪', state: 'submitted', limit: '1' };
    const first = await list(reviewer, query);
    expect(first.items).toHaveLength(1);
    expect(first.total).toBe(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await list(reviewer, { ...query, cursor: first.nextCursor ?? '' });
    expect(second.items).toHaveLength(1);
    expect(second.total).toBe(2);
    expect(second.nextCursor).toBeNull();
    // Newest first: the credit bureau applied after the data firm.
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual([creditBureau.id, dataFirm.id]);
  });

  it('keeps a search of one’s own applications to one’s own', async () => {
    const own = await list(dataFirmOwner, { scope: 'mine', q: '西溪' });
    expect(idsOf(own)).toEqual([dataFirm.id]);
    expect(own.total).toBe(1);
    const theirs = await list(dataFirmOwner, { scope: 'mine', q: creditBureau.creditCode });
    expect(theirs).toEqual({ items: [], nextCursor: null, total: 0 });
    const anyone = await list(await signUpUser(node), { scope: 'mine', q: '西溪' });
    expect(anyone).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it('refuses an over-long search, an unknown role and a forged cursor', async () => {
    const bad: Record<string, string>[] = [
      { q: '西'.repeat(101) },
      { role: 'founder' },
      { cursor: 'not-a-cursor' },
      { cursor: Buffer.from('["yesterday","app_1"]').toString('base64url') },
    ];
    for (const query of bad) {
      const res = await reviewer.request(
        `/api/participant-applications?${new URLSearchParams({ scope: 'queue', ...query }).toString()}`,
      );
      expect(res.status).toBe(400);
      expect(await errorCodeOf(res)).toBe('http.validation_failed');
    }
  });
});

describe('credential and directory', () => {
  it('issues a credential whose EdDSA signature verifies with node:crypto against the DID document', async () => {
    const { participant } = await approved(await signUpUser(node));
    const [header = '', payload = '', signature = ''] = participant.credential.jwt.split('.');
    const did = await readJson<{ verificationMethod: { publicKeyJwk: Record<string, string> }[] }>(
      await node.request('/.well-known/did.json'),
    );
    const key = createPublicKey({ key: did.verificationMethod[0]?.publicKeyJwk ?? {}, format: 'jwk' });
    expect(
      verifySignature(null, Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url')),
    ).toBe(true);
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      type: string[];
      credentialSubject: { roles: string[] };
    };
    expect(claims.type).toContain('ParticipantCredential');
    expect(claims.credentialSubject.roles).toEqual(['provider', 'buyer']);
  });

  it('shows the directory publicly with personal information masked, and finds by Chinese name', async () => {
    const { participant } = await approved(await signUpUser(node), {
      name: '上海浦江数据服务有限公司',
      divisionCode: '310115',
    });
    expect(participant.legalRepresentative).toBe('王**');
    expect(participant.contactPhone).toBe('138****5678');
    const found = await readJson<{ items: { id: string }[]; total: number }>(
      await node.request(`/api/participants?q=${encodeURIComponent('浦江数据')}`),
    );
    expect(found.items.map((p) => p.id)).toEqual([participant.id]);
    const text = JSON.stringify(await readJson<unknown>(await node.request('/api/participants?limit=100')));
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('王建国');
  });

  it('pages the directory with a cursor and refuses a forged cursor', async () => {
    const first = await readJson<{ items: { id: string }[]; nextCursor: string | null }>(
      await node.request('/api/participants?limit=1'),
    );
    expect(first.nextCursor).not.toBeNull();
    const second = await readJson<{ items: { id: string }[] }>(
      await node.request(`/api/participants?limit=1&cursor=${first.nextCursor}`),
    );
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
    const bad = await node.request('/api/participants?cursor=not-a-cursor');
    expect(bad.status).toBe(400);
  });

  it('suspends, reinstates and revokes, and verifiers see each through the status lists', async () => {
    const { participant } = await approved(await signUpUser(node));
    const jwt = participant.credential.jwt;
    expect((await verifyCredentialJwt(jwt, resolvers())).verdict).toBe('valid');
    expect(
      (
        await (
          await signUpUser(node)
        ).send('POST', `/api/participants/${participant.id}/suspend`, { reason: 'x' })
      ).status,
    ).toBe(403);
    expect(
      (
        await reviewer.send('POST', `/api/participants/${participant.id}/suspend`, {
          reason: '涉嫌违规交易，暂停核查',
        })
      ).status,
    ).toBe(200);
    expect((await verifyCredentialJwt(jwt, resolvers())).verdict).toBe('suspended');
    expect((await reviewer.send('POST', `/api/participants/${participant.id}/reinstate`)).status).toBe(200);
    expect((await verifyCredentialJwt(jwt, resolvers())).verdict).toBe('valid');
    expect(
      (await reviewer.send('POST', `/api/participants/${participant.id}/revoke`, { reason: 'x' })).status,
    ).toBe(403);
    expect(
      (await admin.send('POST', `/api/participants/${participant.id}/revoke`, { reason: '主体已注销' }))
        .status,
    ).toBe(200);
    expect((await verifyCredentialJwt(jwt, resolvers())).verdict).toBe('revoked');
    const again = await admin.send('POST', `/api/participants/${participant.id}/reinstate`);
    expect(again.status).toBe(409);
    expect(await errorCodeOf(again)).toBe('participants.participant.illegal_transition');
  });

  it('kept every change in an unbroken event chain', async () => {
    expect((await verifyEventChain(node.platform.deps.database.db)).firstBreak).toBeNull();
  });
});
