/**
 * The registration engine as the node runs it (registry subjects, catalog listener, background
 * jobs), on a manual clock: regimes, cases through review, publicity and objections, correction and
 * return for correction. Subjects are created and read back through the registry's API only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../platform/clock.js';
import { listEventsOf } from '../../platform/events/events.js';
import { errorCodeOf, signUpUser, type TestUser } from '../../test/factories.js';
import { startTestNode, type TestNode } from '../../test/test-node.js';
import {
  descriptionFor,
  draftSubject,
  expectJson,
  passChecklist,
  registeredMember,
  saveDescription,
  subjectOf,
  submittedCase,
  toPublicity,
  type CaseBody,
  type Member,
} from './test-factories.js';

const DAY = 86_400_000;
let node: TestNode;
let admin: TestUser;
let reviewer: TestUser;
let holder: Member;
let objector: TestUser;

const clock = () => node.clock as ManualClock;
const db = () => node.platform.deps.database.db;
const sweep = () => node.platform.built.services.registration.certificates.sweepPublicity();
const caseOf = async (id: string) =>
  expectJson<CaseBody>(await holder.request(`/api/registration/cases/${id}`), 200);
const post = (user: TestUser, id: string, verb: string, body?: unknown) =>
  user.send('POST', `/api/registration/cases/${id}/${verb}`, body);

/** A product of the holder certified through the whole flow (sweep on the manual clock). */
async function certifiedProduct(): Promise<{ subjectId: string; c: CaseBody }> {
  const subjectId = await draftSubject(holder, 'product');
  const c = await toPublicity(reviewer, await submittedCase(holder, 'product', subjectId), false);
  clock().advance(3 * DAY + 1000);
  await sweep();
  return { subjectId, c: await caseOf(c.id) };
}

beforeAll(async () => {
  // Sessions outlive the months the manual clock jumps over.
  node = await startTestNode({ manualClock: true, env: { SHULIU_SESSION_HOURS: '4000' } });
  admin = await signUpUser(node, { platformRoles: ['exchange_admin'] });
  reviewer = await signUpUser(node, { platformRoles: ['exchange_reviewer'] });
  holder = await registeredMember(node, admin, { roles: ['provider', 'merchant'] });
  objector = await signUpUser(node);
});
afterAll(async () => {
  await node.close();
});

describe('regimes', () => {
  it('serves the defaults publicly', async () => {
    const body = await expectJson<{
      items: { subjectKind: string; version: number; settings: { publicityDays: number } }[];
    }>(await node.request('/api/registration/regimes'), 200);
    expect(body.items.map((r) => [r.subjectKind, r.settings.publicityDays, r.version])).toEqual([
      ['resource', 10, 0],
      ['product', 3, 0],
    ]);
  });

  it('lets only the exchange admin change a regime, validates it, and records before and after', async () => {
    const { items } = await expectJson<{
      items: { subjectKind: string; settings: Record<string, unknown> }[];
    }>(await node.request('/api/registration/regimes'), 200);
    const settings = items.find((r) => r.subjectKind === 'product')?.settings ?? {};
    const put = (user: TestUser, body: unknown) =>
      user.send('PUT', '/api/registration/regimes/product', body);
    expect((await put(reviewer, { settings, version: 0 })).status).toBe(403);
    expect((await put(holder, { settings, version: 0 })).status).toBe(403);
    for (const bad of [
      { ...settings, publicityDays: 0 },
      { ...settings, publicityDays: 61 },
      { ...settings, validityYears: 11 },
      { ...settings, retentionYears: 19 },
      { ...settings, publicityDayKind: 'lunar' },
      {
        ...settings,
        checklist: [...(settings.checklist as unknown[]), (settings.checklist as unknown[])[0]],
      },
    ]) {
      const res = await put(admin, { settings: bad, version: 0 });
      expect(res.status).toBe(400);
      expect(await errorCodeOf(res)).toBe('http.validation_failed');
    }
    const changed = { ...settings, retentionYears: 35 };
    const saved = await expectJson<{ version: number; isDefault: boolean }>(
      await put(admin, { settings: changed, version: 0 }),
      200,
    );
    expect(saved).toMatchObject({ version: 1, isDefault: false });
    const stale = await put(admin, { settings: changed, version: 0 });
    expect(stale.status).toBe(409);
    expect(await errorCodeOf(stale)).toBe('registration.regime.version_conflict');
    const events = await listEventsOf(db(), 'registration_regime', 'product');
    expect(events.map((e) => e.type)).toEqual(['registration.regime.updated']);
    expect(events[0]?.payload).toMatchObject({
      before: { retentionYears: 30 },
      after: { retentionYears: 35 },
    });
  });
});

describe('a product from initial registration to certificate', () => {
  it('goes draft → submitted → accepted → formal review → publicity → certified → active', async () => {
    const subjectId = await draftSubject(holder, 'product');
    const submitted = await submittedCase(holder, 'product', subjectId);
    expect(submitted.state).toBe('submitted');
    expect(submitted.number).toMatch(/^SLX-DJ-\d{4}-\d{6}$/);
    expect(submitted.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(submitted.checklist.map((i) => i.key)).toContain('tradability');
    const locked = await subjectOf(holder, 'product', subjectId);
    expect(locked).toMatchObject({ status: 'registering', contentHash: null });
    // The registry refuses edits while the case is open.
    const edit = await holder.send('PUT', `/api/products/${subjectId}`, {
      version: locked.version,
      description: locked.description,
    });
    expect(edit.status).toBe(409);

    const inPublicity = await toPublicity(reviewer, submitted, false);
    expect(inPublicity.state).toBe('publicity');
    const endsAt = Date.parse(inPublicity.publicityEndsAt ?? '');
    expect(endsAt - clock().now().getTime()).toBe(3 * DAY);

    const notices = await expectJson<{
      items: { number: string; holderName: string; subjectName: string }[];
    }>(await node.request('/api/registration/notices'), 200);
    expect(notices.items).toContainEqual(
      expect.objectContaining({ number: submitted.number, holderName: holder.organizationName }),
    );

    // Not yet due: the sweep leaves it alone.
    await sweep();
    expect((await caseOf(submitted.id)).state).toBe('publicity');
    clock().advance(3 * DAY + 1000);
    await sweep();
    const done = await caseOf(submitted.id);
    expect(done.state).toBe('active');
    expect(done.certificateId).toMatch(/^crt_/);
    expect(done.timeline.map((t) => t.type)).toEqual(
      expect.arrayContaining([
        'registration.case.submitted',
        'registration.case.certified',
        'registration.case.activated',
      ]),
    );
    const subject = await subjectOf(holder, 'product', subjectId);
    expect(subject).toMatchObject({
      status: 'registered',
      contentHash: submitted.contentHash,
      currentCertificateId: done.certificateId,
      registeredDescription: descriptionFor(holder, 'product'),
    });
    // Registered with a certificate in force: the catalog accepts the listing.
    await expectJson(await holder.send('POST', `/api/catalog/products/${subjectId}/listing`), 200);
    const page = await expectJson<{ certificate: { status: string } }>(
      await node.request(`/api/catalog/products/${subjectId}`),
      200,
    );
    expect(page.certificate.status).toBe('active');

    const query = await expectJson<{ state: string; number: string }>(
      await node.request(`/api/registration/query/${submitted.queryCode}`),
      200,
    );
    expect(query).toMatchObject({ state: 'active', number: submitted.number });
    expect((await node.request('/api/registration/query/NOSUCHCODE00')).status).toBe(404);
  });

  it('takes a resource through substantive review and counts working days', async () => {
    const subjectId = await draftSubject(holder, 'resource');
    const c = await submittedCase(holder, 'resource', subjectId);
    await expectJson(await post(reviewer, c.id, 'accept'), 200);
    const inFormal = await expectJson<{ allowedActions: string[] }>(
      await post(reviewer, c.id, 'formal-review'),
      200,
    );
    // The regime requires substantive review, so publicity is not offered yet.
    expect(inFormal.allowedActions).toContain('start_substantive_review');
    expect(inFormal.allowedActions).not.toContain('start_publicity');
    await passChecklist(reviewer, c);
    const direct = await post(reviewer, c.id, 'publicity');
    expect(direct.status).toBe(409);
    expect(await errorCodeOf(direct)).toBe('registration.substantive_review_required');
    await expectJson(await post(reviewer, c.id, 'substantive-review'), 200);
    const pub = await expectJson<CaseBody>(await post(reviewer, c.id, 'publicity'), 200);
    // Ten working days are at least two calendar weeks.
    expect(Date.parse(pub.publicityEndsAt ?? '') - clock().now().getTime()).toBeGreaterThanOrEqual(12 * DAY);
    clock().advance(40 * DAY);
    await sweep();
    expect((await caseOf(c.id)).state).toBe('active');
    expect(await subjectOf(holder, 'resource', subjectId)).toMatchObject({ status: 'registered' });
  });
});

describe('objections', () => {
  it('pauses publicity; a dismissed objection resumes it for the time that was left', async () => {
    const subjectId = await draftSubject(holder, 'product');
    const c = await toPublicity(reviewer, await submittedCase(holder, 'product', subjectId), false);
    clock().advance(DAY);
    const short = await objector.send('POST', `/api/registration/cases/${c.id}/objections`, {
      reasons: '太短',
    });
    expect(short.status).toBe(400);
    expect(
      (await node.request(`/api/registration/cases/${c.id}/objections`, { method: 'POST' })).status,
    ).toBe(401);
    const filed = await expectJson<{ state: string; publicityRemainingMs: number }>(
      await objector.send('POST', `/api/registration/cases/${c.id}/objections`, {
        reasons: '该数据集包含我单位享有权利的路段数据，未经授权。',
      }),
      201,
    );
    expect(filed).toMatchObject({ state: 'objection_review', publicityRemainingMs: 2 * DAY });
    const paused = await caseOf(c.id);
    const objectionId = paused.objections[0]?.id ?? '';
    // Time passing during review does not certify it.
    clock().advance(5 * DAY);
    await sweep();
    expect((await caseOf(c.id)).state).toBe('objection_review');

    const decided = await expectJson<CaseBody>(
      await post(reviewer, c.id, `objections/${objectionId}/decision`, {
        outcome: 'dismissed',
        note: '异议人未提供权属证明',
      }),
      200,
    );
    expect(decided.state).toBe('publicity');
    expect(Date.parse(decided.publicityEndsAt ?? '') - clock().now().getTime()).toBe(2 * DAY);
    const again = await post(reviewer, c.id, `objections/${objectionId}/decision`, {
      outcome: 'upheld',
      note: '再次处理',
    });
    expect(again.status).toBe(409);
    clock().advance(2 * DAY + 1);
    await sweep();
    expect((await caseOf(c.id)).state).toBe('active');
    expect((await subjectOf(holder, 'product', subjectId)).status).toBe('registered');
  });

  it('refuses a reviewer deciding an objection they filed themselves', async () => {
    const subjectId = await draftSubject(holder, 'product');
    const c = await toPublicity(reviewer, await submittedCase(holder, 'product', subjectId), false);
    const otherReviewer = await signUpUser(node, { platformRoles: ['exchange_reviewer'] });
    await expectJson(
      await otherReviewer.send('POST', `/api/registration/cases/${c.id}/objections`, {
        reasons: '本人发现该产品样例数据与登记描述不符。',
      }),
      201,
    );
    const objectionId = (await caseOf(c.id)).objections[0]?.id ?? '';
    const own = await post(otherReviewer, c.id, `objections/${objectionId}/decision`, {
      outcome: 'upheld',
      note: '自己提出自己裁决',
    });
    expect(own.status).toBe(403);
    expect((await caseOf(c.id)).state).toBe('objection_review');
    await expectJson(
      await post(reviewer, c.id, `objections/${objectionId}/decision`, {
        outcome: 'dismissed',
        note: '已核实一致',
      }),
      200,
    );
  });

  it('rejects the case when an objection is upheld, and the subject goes back to draft', async () => {
    const subjectId = await draftSubject(holder, 'product');
    const c = await toPublicity(reviewer, await submittedCase(holder, 'product', subjectId), false);
    await expectJson(
      await objector.send('POST', `/api/registration/cases/${c.id}/objections`, {
        reasons: '数据来源为非法爬取，附证据。',
      }),
      201,
    );
    const objectionId = (await caseOf(c.id)).objections[0]?.id ?? '';
    const decided = await expectJson<CaseBody>(
      await post(reviewer, c.id, `objections/${objectionId}/decision`, {
        outcome: 'upheld',
        note: '来源不合法',
      }),
      200,
    );
    expect(decided.state).toBe('rejected');
    expect(await subjectOf(holder, 'product', subjectId)).toMatchObject({
      status: 'draft',
      registeredDescription: null,
    });
  });

  it('refuses objections once publicity has ended', async () => {
    const subjectId = await draftSubject(holder, 'product');
    const c = await toPublicity(reviewer, await submittedCase(holder, 'product', subjectId), false);
    clock().advance(3 * DAY + 1);
    const late = await objector.send('POST', `/api/registration/cases/${c.id}/objections`, {
      reasons: '公示期结束后才提出的异议理由。',
    });
    expect(late.status).toBe(409);
    expect(await errorCodeOf(late)).toBe('registration.publicity_closed');
  });
});

describe('return for correction and correction cases', () => {
  it('returns a case with a reason; the holder fixes the draft and resubmits the new description', async () => {
    const subjectId = await draftSubject(holder, 'product');
    const c = await submittedCase(holder, 'product', subjectId);
    const noReason = await post(reviewer, c.id, 'return', {});
    expect(noReason.status).toBe(400);
    expect(await errorCodeOf(noReason)).toBe('http.validation_failed');
    const returned = await expectJson<CaseBody>(
      await post(reviewer, c.id, 'return', { reason: '应用场景描述不具体，请补充' }),
      200,
    );
    expect(returned.state).toBe('returned');
    expect((await subjectOf(holder, 'product', subjectId)).status).toBe('draft');
    // Only the applicant resubmits.
    expect((await post(reviewer, c.id, 'resubmit')).status).toBe(403);

    const fixed = {
      ...descriptionFor(holder, 'product'),
      scenarios: [{ title: '商业选址', description: '连锁门店依据路段客流选择新店位置。' }],
    };
    await saveDescription(holder, 'product', subjectId, fixed);
    const resubmitted = await expectJson<CaseBody>(await post(holder, c.id, 'resubmit'), 200);
    expect(resubmitted.state).toBe('submitted');
    expect(resubmitted.contentHash).not.toBe(c.contentHash);
    expect(resubmitted.timeline.map((t) => t.type)).toEqual(
      expect.arrayContaining(['registration.case.returned', 'registration.case.resubmitted']),
    );
    expect((await subjectOf(holder, 'product', subjectId)).status).toBe('registering');
    await toPublicity(reviewer, resubmitted, false);
    clock().advance(3 * DAY + 1);
    await sweep();
    const done = await caseOf(c.id);
    expect(done.state).toBe('active');
    const subject = await subjectOf(holder, 'product', subjectId);
    expect(subject.registeredDescription).toMatchObject({ scenarios: fixed.scenarios });
    expect(subject.contentHash).toBe(resubmitted.contentHash);
  });

  it('certifies a correction as a new certificate version that supersedes the previous one', async () => {
    const { subjectId, c: first } = await certifiedProduct();
    expect(first.state).toBe('active');
    const corrected = {
      ...descriptionFor(holder, 'product'),
      summary: '路段级逐小时交通流量与车速数据集（更正统计口径说明）。',
    };
    await saveDescription(holder, 'product', subjectId, corrected);
    // Saving a registered subject proposes; what is in force stays as certified.
    const proposing = await subjectOf(holder, 'product', subjectId);
    expect(proposing.registeredDescription).toMatchObject({
      summary: descriptionFor(holder, 'product').summary,
    });
    const correction = await submittedCase(holder, 'product', subjectId, 'correction');
    expect(correction.caseType).toBe('correction');
    await toPublicity(reviewer, correction, false);
    clock().advance(3 * DAY + 1);
    await sweep();
    const done = await caseOf(correction.id);
    expect(done.state).toBe('active');
    expect((await caseOf(first.id)).state).toBe('superseded');
    const { items } = await expectJson<{ items: { caseId: string; status: string; version: number }[] }>(
      await node.request(`/api/registration/subjects/${subjectId}/certificates`),
      200,
    );
    expect(items.map((v) => [v.caseId, v.version, v.status])).toEqual([
      [first.id, 1, 'superseded'],
      [correction.id, 2, 'active'],
    ]);
    expect(await subjectOf(holder, 'product', subjectId)).toMatchObject({
      status: 'registered',
      contentHash: correction.contentHash,
      currentCertificateId: done.certificateId,
      registeredDescription: { summary: corrected.summary },
    });
  });
});
