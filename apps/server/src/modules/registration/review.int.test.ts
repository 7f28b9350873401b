/**
 * The guards of the registration engine as the node runs it: illegal transitions, one open case,
 * separation of duties, the registry's submission checks, the checklist, third-party assessment,
 * and the case and notice lists (filters, totals, malformed cursors).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodeOf, signUpUser, uploadAttachment, type TestUser } from '../../test/factories.js';
import { startTestNode, type TestNode } from '../../test/test-node.js';
import {
  descriptionFor,
  draftSubject,
  expectJson,
  registeredMember,
  reviewed,
  subjectOf,
  submittedCase,
  type CaseBody,
  type Member,
} from './test-factories.js';

let node: TestNode;
let admin: TestUser;
let reviewer: TestUser;
let holder: Member;
let stranger: TestUser;

const post = (user: TestUser, id: string, verb: string, body?: unknown) =>
  user.send('POST', `/api/registration/cases/${id}/${verb}`, body);
const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string; details: Record<string, unknown> } }).error;

beforeAll(async () => {
  node = await startTestNode();
  admin = await signUpUser(node, { platformRoles: ['exchange_admin'] });
  reviewer = await signUpUser(node, { platformRoles: ['exchange_reviewer'] });
  holder = await registeredMember(node, admin, { roles: ['provider', 'merchant'] });
  stranger = await signUpUser(node);
});
afterAll(async () => {
  await node.close();
});

describe('guards', () => {
  it('answers illegal transitions with 409 naming the state and action', async () => {
    const subjectId = await draftSubject(holder, 'product');
    const opened = await expectJson<CaseBody>(
      await holder.send('POST', '/api/registration/cases', {
        subjectKind: 'product',
        subjectId,
        caseType: 'initial',
      }),
      201,
    );
    const early = await post(reviewer, opened.id, 'accept');
    expect(early.status).toBe(409);
    expect(await errorOf(early)).toMatchObject({
      code: 'registration.illegal_transition',
      details: { from: 'draft', action: 'accept' },
    });
    await expectJson(await post(holder, opened.id, 'submit'), 200);
    const twice = await post(holder, opened.id, 'submit');
    expect(twice.status).toBe(409);
    expect(await errorCodeOf(twice)).toBe('registration.illegal_transition');
  });

  it('keeps one open case per subject and case types to the subject’s registration state', async () => {
    const subjectId = await draftSubject(holder, 'product');
    await submittedCase(holder, 'product', subjectId);
    const second = await holder.send('POST', '/api/registration/cases', {
      subjectKind: 'product',
      subjectId,
      caseType: 'initial',
    });
    expect(second.status).toBe(409);
    expect(await errorCodeOf(second)).toBe('registration.case_open');
    const other = await draftSubject(holder, 'product');
    const change = await holder.send('POST', '/api/registration/cases', {
      subjectKind: 'product',
      subjectId: other,
      caseType: 'change',
    });
    expect(change.status).toBe(409);
    expect(await errorCodeOf(change)).toBe('registration.case_type_not_allowed');
    const unknown = await holder.send('POST', '/api/registration/cases', {
      subjectKind: 'product',
      subjectId: 'prd_nosuch',
      caseType: 'initial',
    });
    expect(unknown.status).toBe(404);
    // Another organization's subject is as good as absent.
    const outsider = await stranger.send('POST', '/api/registration/cases', {
      subjectKind: 'product',
      subjectId: other,
      caseType: 'initial',
    });
    expect(outsider.status).toBe(404);
  });

  it('runs the registry’s submission checks at submit, leaving case and subject as they were', async () => {
    const incomplete = await draftSubject(holder, 'resource', { name: '只有名称的资源' });
    const opened = await expectJson<CaseBody>(
      await holder.send('POST', '/api/registration/cases', {
        subjectKind: 'resource',
        subjectId: incomplete,
        caseType: 'initial',
      }),
      201,
    );
    const refused = await post(holder, opened.id, 'submit');
    expect(refused.status).toBe(400);
    expect(await errorCodeOf(refused)).toBe('registry.description_incomplete');
    const unchanged = await expectJson<CaseBody>(
      await holder.request(`/api/registration/cases/${opened.id}`),
      200,
    );
    expect(unchanged.state).toBe('draft');
    expect((await subjectOf(holder, 'resource', incomplete)).status).toBe('draft');

    // A product deriving from a resource that is not registered breaks the rights chain.
    const unregistered = await draftSubject(holder, 'resource');
    const product = await draftSubject(holder, 'product', descriptionFor(holder, 'product', [unregistered]));
    const chain = await holder.send('POST', '/api/registration/cases', {
      subjectKind: 'product',
      subjectId: product,
      caseType: 'initial',
    });
    const chainCase = await expectJson<CaseBody>(chain, 201);
    const broken = await post(holder, chainCase.id, 'submit');
    expect(broken.status).toBe(400);
    expect(await errorOf(broken)).toMatchObject({
      code: 'registry.rights_chain.invalid',
      details: { resourceId: unregistered, problem: 'not_registered' },
    });

    // The naming rule: the provider segment must be the holder's registered name.
    const misnamed = await draftSubject(holder, 'product', {
      ...descriptionFor(holder, 'product'),
      name: '别家公司·城市道路交通流量·数据集·路段级逐小时',
    });
    const misnamedCase = await expectJson<CaseBody>(
      await holder.send('POST', '/api/registration/cases', {
        subjectKind: 'product',
        subjectId: misnamed,
        caseType: 'initial',
      }),
      201,
    );
    const badName = await post(holder, misnamedCase.id, 'submit');
    expect(badName.status).toBe(400);
    expect(await errorCodeOf(badName)).toBe('registry.product_name.invalid');
  });

  it('refuses review by non-reviewers (403) and by reviewers of the applicant organization (403)', async () => {
    const c = await submittedCase(holder, 'product', await draftSubject(holder, 'product'));
    expect((await post(holder, c.id, 'accept')).status).toBe(403);
    expect((await post(stranger, c.id, 'accept')).status).toBe(403);

    const insider = await registeredMember(node, admin);
    await node.platform.built.services.accounts.auth.setPlatformRoles(insider.id, ['exchange_reviewer'], {
      userId: null,
      requestId: null,
    });
    const own = await submittedCase(insider, 'product', await draftSubject(insider, 'product'));
    const res = await post(insider, own.id, 'accept');
    expect(res.status).toBe(403);
    expect((await errorOf(res)).details.reason).toBe('own_case');
  });

  it('refuses publicity while checklist items are open, naming them', async () => {
    const c = await submittedCase(holder, 'product', await draftSubject(holder, 'product'));
    await expectJson(await post(reviewer, c.id, 'accept'), 200);
    await expectJson(await post(reviewer, c.id, 'formal-review'), 200);
    const noAnswers = await reviewer.send('PUT', `/api/registration/cases/${c.id}/checklist/tradability`, {
      verdict: 'pass',
      answers: { national_security: false },
    });
    expect(noAnswers.status).toBe(400);
    expect(await errorCodeOf(noAnswers)).toBe('registration.tradability_unanswered');
    await expectJson(
      await reviewer.send('PUT', `/api/registration/cases/${c.id}/checklist/subject_qualification`, {
        verdict: 'pass',
      }),
      200,
    );
    const res = await post(reviewer, c.id, 'publicity');
    expect(res.status).toBe(409);
    const error = await errorOf(res);
    expect(error.code).toBe('registration.checklist_incomplete');
    expect(error.details.keys).toEqual([
      'lawful_source',
      'security_management',
      'tradability',
      'personal_information',
    ]);
    const unknownItem = await reviewer.send('PUT', `/api/registration/cases/${c.id}/checklist/no_such_item`, {
      verdict: 'pass',
    });
    expect(unknownItem.status).toBe(404);
  });
});

describe('third-party assessment', () => {
  interface Regime {
    subjectKind: string;
    version: number;
    settings: Record<string, unknown>;
  }
  async function requireAssessment(on: boolean) {
    const { items } = await expectJson<{ items: Regime[] }>(
      await node.request('/api/registration/regimes'),
      200,
    );
    const product = items.find((r) => r.subjectKind === 'product');
    if (!product) throw new Error('no product regime');
    await expectJson(
      await admin.send('PUT', '/api/registration/regimes/product', {
        settings: { ...product.settings, thirdPartyAssessment: on },
        version: product.version,
      }),
      200,
    );
  }

  it('holds publicity until the assigned service body attaches its assessment report', async () => {
    await requireAssessment(true);
    try {
      const assessor = await registeredMember(node, admin, { roles: ['service'] });
      const provider = await registeredMember(node, admin, { roles: ['provider'] });
      const c = await reviewed(
        reviewer,
        await submittedCase(holder, 'product', await draftSubject(holder, 'product')),
        false,
      );
      const early = await post(reviewer, c.id, 'publicity');
      expect(early.status).toBe(409);
      expect(await errorOf(early)).toMatchObject({
        code: 'registration.checklist_incomplete',
        details: { keys: ['third_party_assessment'] },
      });
      expect((await assessor.request(`/api/registration/cases/${c.id}`)).status).toBe(404);

      // Only an active participant with the service role, not the applicant itself.
      for (const organizationId of [holder.organizationId, provider.organizationId, 'org_nosuch']) {
        const bad = await post(reviewer, c.id, 'assessor', { organizationId });
        expect(bad.status).toBe(400);
        expect(await errorCodeOf(bad)).toBe('registration.assessor_invalid');
      }
      expect((await post(holder, c.id, 'assessor', { organizationId: assessor.organizationId })).status).toBe(
        403,
      );
      const assigned = await expectJson<CaseBody>(
        await post(reviewer, c.id, 'assessor', { organizationId: assessor.organizationId }),
        200,
      );
      expect(assigned.assessorOrganizationId).toBe(assessor.organizationId);
      // The assessor now sees the case, and finds it among its cases.
      await expectJson(await assessor.request(`/api/registration/cases/${c.id}`), 200);

      const holderFile = await uploadAttachment(holder, undefined, '自评报告.pdf');
      const notAssessor = await post(holder, c.id, 'assessment', { attachmentIds: [holderFile] });
      expect(notAssessor.status).toBe(403);
      expect((await errorOf(notAssessor)).details.reason).toBe('not_assessor');
      const strangerFile = await uploadAttachment(stranger, undefined, '报告.pdf');
      expect((await post(stranger, c.id, 'assessment', { attachmentIds: [strangerFile] })).status).toBe(404);
      const report = await uploadAttachment(assessor, undefined, '第三方评估报告.pdf');
      // Someone else's file is not the assessor's report.
      expect((await post(assessor, c.id, 'assessment', { attachmentIds: [holderFile] })).status).toBe(400);
      expect((await post(assessor, c.id, 'assessment', { attachmentIds: [] })).status).toBe(400);
      const attached = await expectJson<CaseBody & { assessmentAttachmentIds: string[] }>(
        await post(assessor, c.id, 'assessment', { attachmentIds: [report] }),
        200,
      );
      expect(attached.assessmentAttachmentIds).toEqual([report]);
      const started = await expectJson<CaseBody>(await post(reviewer, c.id, 'publicity'), 200);
      expect(started.state).toBe('publicity');
      expect(started.timeline.map((t) => t.type)).toEqual(
        expect.arrayContaining([
          'registration.case.assessor_assigned',
          'registration.case.assessment_attached',
        ]),
      );
      // Once in publicity the report is final.
      expect((await post(assessor, c.id, 'assessment', { attachmentIds: [report] })).status).toBe(409);
    } finally {
      await requireAssessment(false);
    }
  });
});

describe('lists', () => {
  it('lists the applicant’s cases and the reviewers’ queue with filters and totals', async () => {
    const mine = await expectJson<{ items: { organizationId: string }[]; total: number }>(
      await holder.request('/api/registration/cases?limit=2'),
      200,
    );
    expect(mine.total).toBeGreaterThan(2);
    expect(mine.items).toHaveLength(2);
    expect(mine.items.every((i) => i.organizationId === holder.organizationId)).toBe(true);
    expect((await holder.request('/api/registration/cases?scope=queue')).status).toBe(403);
    const queue = await expectJson<{ items: { state: string }[] }>(
      await reviewer.request('/api/registration/cases?scope=queue&state=submitted'),
      200,
    );
    expect(queue.items.length).toBeGreaterThan(0);
    expect(queue.items.every((i) => i.state === 'submitted')).toBe(true);
    const none = await expectJson<{ total: number }>(await stranger.request('/api/registration/cases'), 200);
    expect(none.total).toBe(0);
  });

  it('pages with the cursor it gave and refuses a malformed cursor with 400', async () => {
    const first = await expectJson<{ items: { id: string }[]; nextCursor: string | null }>(
      await holder.request('/api/registration/cases?limit=1'),
      200,
    );
    expect(first.nextCursor).not.toBeNull();
    const second = await expectJson<{ items: { id: string }[] }>(
      await holder.request(`/api/registration/cases?limit=1&cursor=${first.nextCursor ?? ''}`),
      200,
    );
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
    for (const path of [
      '/api/registration/cases?cursor=not-a-cursor',
      `/api/registration/cases?cursor=${Buffer.from('["yesterday","x"]').toString('base64url')}`,
      '/api/registration/notices?cursor=not-a-cursor',
    ]) {
      const res = path.includes('notices') ? await node.request(path) : await holder.request(path);
      expect(res.status, path).toBe(400);
      expect(await errorCodeOf(res)).toBe('http.validation_failed');
    }
  });
});
