import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SubjectKind } from '@shuliu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEventsOf } from '../../platform/events/events.js';
import {
  applicationBody,
  errorCodeOf,
  registerParticipantOrg,
  signUpUser,
  uploadAttachment,
  type ParticipantOrg,
  type TestUser,
} from '../../test/factories.js';
import { validProductDescription, validResourceDescription } from '../../test/registry-fixtures.js';
import { startTestNode, type TestNode } from '../../test/test-node.js';

interface Subject {
  id: string;
  organizationId: string;
  status: string;
  name: string;
  grade: string;
  version: number;
  editable: boolean;
  description: Record<string, unknown>;
  registeredDescription: Record<string, unknown> | null;
  connectivity: {
    ok: boolean;
    statusCode: number | null;
    latencyMs: number;
    contentType: string | null;
  } | null;
}

let node: TestNode;
let holder: ParticipantOrg;
let other: ParticipantOrg;
let api: Server;
let apiUrl: string;

beforeAll(async () => {
  node = await startTestNode({ env: { SHULIU_CONNECTIVITY_ALLOW_PRIVATE: 'true' } });
  holder = await registerParticipantOrg(node, ['provider', 'merchant']);
  other = await registerParticipantOrg(node, ['merchant'], { name: '上海云图数据服务有限公司' });
  api = createServer((req, res) => {
    if (req.url === '/ok') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    } else {
      res.writeHead(500);
      res.end();
    }
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => api.close(resolve));
  await node.close();
});

const json = async <T = Subject>(res: Response) => (await res.json()) as T;
const path = (kind: SubjectKind) => (kind === 'resource' ? '/api/resources' : '/api/products');

async function createDraft(kind: SubjectKind, org: ParticipantOrg, description: object = {}) {
  const res = await org.owner.send('POST', path(kind), { organizationId: org.organizationId, description });
  expect(res.status).toBe(201);
  return json(res);
}

async function save(user: TestUser, kind: SubjectKind, s: Subject, description: object) {
  return user.send('PUT', `${path(kind)}/${s.id}`, { version: s.version, description });
}

/** Runs `fn` with the SubjectsPort in a transaction, as the registration engine would. */
function withSubjects<T>(
  fn: (
    tx: Parameters<Parameters<TestNode['platform']['deps']['database']['db']['transaction']>[0]>[0],
  ) => Promise<T>,
) {
  return node.platform.deps.database.db.transaction(fn);
}
const subjects = () => node.platform.built.services.registry.subjects;

function checkSubmittable(kind: SubjectKind, id: string) {
  return withSubjects(async (tx) => {
    const subject = await subjects().load(tx, kind, id);
    if (!subject) throw new Error(`no ${kind} ${id}`);
    await subjects().checkSubmittable(tx, subject);
  });
}

/** A resource of `org` taken through the port to registered (the engine's job in production). */
async function registeredResource(org: ParticipantOrg, overrides = {}) {
  const description = validResourceDescription(overrides);
  const draft = await createDraft('resource', org, description);
  await withSubjects(async (tx) => {
    await subjects().setStatus(tx, 'resource', draft.id, 'registering');
    await subjects().applyCertified(tx, 'resource', draft.id, {
      description: { ...description },
      contentHash: 'f'.repeat(64),
      certificateId: 'crt_test',
      organizationId: org.organizationId,
    });
  });
  return draft.id;
}

describe('drafts of data resources', () => {
  it('creates, saves, reads and lists a draft, recording an event for each change', async () => {
    const draft = await createDraft('resource', holder, { name: '交通流量', domain: 'transport' });
    expect(draft).toMatchObject({
      status: 'draft',
      name: '交通流量',
      domain: 'transport',
      grade: '',
      version: 1,
    });
    const saved = await save(holder.owner, 'resource', draft, validResourceDescription());
    expect(saved.status).toBe(200);
    const after = await json(saved);
    expect(after).toMatchObject({
      version: 2,
      name: '城市道路交通流量监测数据',
      grade: 'GENERAL_2',
      editable: true,
    });

    const read = await json(await holder.owner.request(`/api/resources/${draft.id}`));
    expect(read.description).toMatchObject({ summary: expect.stringContaining('逐小时') as string });
    const list = await json<{ items: Subject[]; total: number }>(
      await holder.owner.request('/api/resources?status=draft&q=监测'),
    );
    expect(list.items.map((i) => i.id)).toContain(draft.id);

    const events = await listEventsOf(node.platform.deps.database.db, 'data_resource', draft.id);
    expect(events.map((e) => e.type)).toEqual(['registry.resource.created', 'registry.resource.saved']);
  });

  it('refuses a save based on an old version with 409 registry.version_conflict', async () => {
    const draft = await createDraft('resource', holder);
    expect((await save(holder.owner, 'resource', draft, { name: '第一次' })).status).toBe(200);
    const stale = await save(holder.owner, 'resource', draft, { name: '第二次' });
    expect(stale.status).toBe(409);
    expect(await errorCodeOf(stale)).toBe('registry.version_conflict');
  });

  it('answers 403 registry.participant_required to an organization that is not a registered provider', async () => {
    const applicant = await signUpUser(node);
    const app = await json<{ organizationId: string }>(
      await applicant.send('POST', '/api/participant-applications', applicationBody()),
    );
    const res = await applicant.send('POST', '/api/resources', {
      organizationId: app.organizationId,
      description: {},
    });
    expect(res.status).toBe(403);
    expect(await errorCodeOf(res)).toBe('registry.participant_required');

    const buyer = await registerParticipantOrg(node, ['buyer']);
    const asBuyer = await buyer.owner.send('POST', '/api/products', {
      organizationId: buyer.organizationId,
      description: {},
    });
    expect(asBuyer.status).toBe(403);
    expect(await errorCodeOf(asBuyer)).toBe('registry.participant_required');
  });

  it('hides another organization’s draft: 404 on read, save and delete, and absent from lists', async () => {
    const draft = await createDraft('resource', holder, { name: '内部草稿' });
    expect((await other.owner.request(`/api/resources/${draft.id}`)).status).toBe(404);
    expect((await save(other.owner, 'resource', draft, { name: 'x' })).status).toBe(404);
    expect((await other.owner.send('DELETE', `/api/resources/${draft.id}`)).status).toBe(404);
    const list = await json<{ items: Subject[] }>(await other.owner.request('/api/resources'));
    expect(list.items.some((i) => i.id === draft.id)).toBe(false);
    const stranger = await other.owner.send('POST', '/api/resources', {
      organizationId: holder.organizationId,
      description: {},
    });
    expect(stranger.status).toBe(404);
  });

  it('lets exchange staff read and list every draft without editing it', async () => {
    const reviewer = await signUpUser(node, { platformRoles: ['exchange_reviewer'] });
    const draft = await createDraft('resource', holder, { name: '员工可见' });
    const read = await json(await reviewer.request(`/api/resources/${draft.id}`));
    expect(read.editable).toBe(false);
    const list = await json<{ items: Subject[] }>(await reviewer.request('/api/resources?q=员工可见'));
    expect(list.items.map((i) => i.id)).toEqual([draft.id]);
    expect((await save(reviewer, 'resource', draft, { name: 'x' })).status).toBe(403);
  });

  it('deletes a draft never submitted, but not one that went into a registration case', async () => {
    const draft = await createDraft('resource', holder);
    expect((await holder.owner.send('DELETE', `/api/resources/${draft.id}`)).status).toBe(204);
    expect((await holder.owner.request(`/api/resources/${draft.id}`)).status).toBe(404);

    const submitted = await createDraft('resource', holder);
    await withSubjects((tx) => subjects().setStatus(tx, 'resource', submitted.id, 'registering'));
    const locked = await save(holder.owner, 'resource', submitted, { name: '改' });
    expect(locked.status).toBe(409);
    expect(await errorCodeOf(locked)).toBe('registry.subject_locked');
    await withSubjects((tx) => subjects().setStatus(tx, 'resource', submitted.id, 'draft'));
    const res = await holder.owner.send('DELETE', `/api/resources/${submitted.id}`);
    expect(res.status).toBe(409);
    expect(await errorCodeOf(res)).toBe('registry.not_deletable');
  });

  it('answers 400, never 500, to 10 KB strings in any field or query', async () => {
    const huge = '数'.repeat(10_240);
    const draft = await createDraft('resource', holder);
    for (const description of [
      { name: huge },
      { summary: huge },
      { keywords: [huge] },
      { dataItems: [{ name: huge }] },
    ]) {
      const res = await save(holder.owner, 'resource', draft, description);
      expect(res.status).toBe(400);
      expect(await errorCodeOf(res)).toBe('http.validation_failed');
    }
    expect((await holder.owner.request(`/api/resources?q=${encodeURIComponent(huge)}`)).status).toBe(400);
    expect((await holder.owner.request(`/api/products/${huge.slice(0, 100)}`)).status).toBe(400);
  });
});

describe('core data and submission checks of resources', () => {
  it('refuses core data with operation rights at draft save, and any core resource at submission', async () => {
    const res = await holder.owner.send('POST', '/api/resources', {
      organizationId: holder.organizationId,
      description: { grade: 'CORE', rights: ['holding', 'operation'] },
    });
    expect(res.status).toBe(400);
    expect(await errorCodeOf(res)).toBe('registry.core_data_not_tradable');
    const held = await createDraft(
      'resource',
      holder,
      validResourceDescription({ grade: 'CORE', rights: ['holding'] }),
    );
    await expect(checkSubmittable('resource', held.id)).rejects.toMatchObject({
      code: 'registry.core_data_not_tradable',
    });
  });

  it('passes a complete resource with the organization’s own evidence and refuses someone else’s file', async () => {
    const evidence = await uploadAttachment(holder.owner);
    const good = await createDraft(
      'resource',
      holder,
      validResourceDescription({ legalityEvidenceIds: [evidence] }),
    );
    await expect(checkSubmittable('resource', good.id)).resolves.toBeUndefined();

    const foreign = await uploadAttachment(other.owner);
    const bad = await createDraft(
      'resource',
      holder,
      validResourceDescription({ legalityEvidenceIds: [foreign] }),
    );
    await expect(checkSubmittable('resource', bad.id)).rejects.toMatchObject({
      code: 'registry.attachment.invalid',
      details: { ids: [foreign] },
    });
  });

  it('refuses an incomplete draft and undeclared personal information', async () => {
    const partial = await createDraft('resource', holder, { name: '半成品' });
    await expect(checkSubmittable('resource', partial.id)).rejects.toMatchObject({
      code: 'registry.description_incomplete',
    });
    const items = [
      { name: 'phone', type: 'string' as const, description: '手机号', sensitivity: 'personal' as const },
    ];
    const pi = await createDraft('resource', holder, validResourceDescription({ dataItems: items }));
    await expect(checkSubmittable('resource', pi.id)).rejects.toMatchObject({
      code: 'registry.personal_information_undeclared',
    });
  });

  it('shows a registered resource to any signed-in user, without its evidence ids', async () => {
    const evidence = await uploadAttachment(holder.owner);
    const id = await registeredResource(holder, { legalityEvidenceIds: [evidence] });
    const outsider = await signUpUser(node);
    const res = await outsider.request(`/api/resources/${id}`);
    expect(res.status).toBe(200);
    const seen = await json(res);
    expect(seen).toMatchObject({ status: 'registered', editable: false });
    expect(seen.registeredDescription?.legalityEvidenceIds).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain(evidence);
  });
});

describe('submission checks of products', () => {
  let resourceId: string;
  beforeAll(async () => {
    resourceId = await registeredResource(holder);
  });
  const product = (overrides = {}) => validProductDescription(holder.name, [resourceId], overrides);
  const expectRefusal = async (description: object, code: string, details?: object) => {
    const draft = await createDraft('product', holder, description);
    await expect(checkSubmittable('product', draft.id)).rejects.toMatchObject({
      code,
      ...(details ? { details } : {}),
    });
  };

  it('passes a complete product built on a registered resource, mirroring its columns', async () => {
    const draft = await createDraft('product', holder, product());
    expect(draft).toMatchObject({ grade: 'GENERAL_2', status: 'draft' });
    expect((draft as unknown as { resourceIds: string[] }).resourceIds).toEqual([resourceId]);
    await expect(checkSubmittable('product', draft.id)).resolves.toBeUndefined();
  });

  it('refuses core-graded products already at draft save', async () => {
    const res = await holder.owner.send('POST', '/api/products', {
      organizationId: holder.organizationId,
      description: { grade: 'CORE' },
    });
    expect(res.status).toBe(400);
    expect(await errorCodeOf(res)).toBe('registry.core_data_not_tradable');
  });

  it('refuses names breaking the naming rule, with the problem', async () => {
    await expectRefusal(product({ name: '交通流量数据集' }), 'registry.product_name.invalid', {
      problem: 'segment_count',
    });
    await expectRefusal(
      product({ name: '别家公司·交通流量·数据集·路段级' }),
      'registry.product_name.invalid',
      {
        problem: 'provider_mismatch',
      },
    );
    await expectRefusal(
      product({ form: 'report', deliveryMethods: ['file_download'] }),
      'registry.product_name.invalid',
      {
        problem: 'form_mismatch',
      },
    );
  });

  it('refuses delivery methods that do not fit the form, missing scenarios and missing samples', async () => {
    await expectRefusal(
      product({ deliveryMethods: ['model_access'] }),
      'registry.product.delivery_mismatch',
      {
        invalid: ['model_access'],
      },
    );
    await expectRefusal(product({ scenarios: [] }), 'registry.product.scenario_required');
    await expectRefusal(product({ sample: {} }), 'registry.product.sample_required');
  });

  it('refuses a rights chain to an unregistered or unlicensed resource and a grade below its sources', async () => {
    const draft = await createDraft('resource', holder, validResourceDescription());
    await expectRefusal(validProductDescription(holder.name, [draft.id]), 'registry.rights_chain.invalid', {
      resourceId: draft.id,
      problem: 'not_registered',
    });
    const foreign = await registeredResource(other);
    await expectRefusal(validProductDescription(holder.name, [foreign]), 'registry.rights_chain.invalid', {
      problem: 'licence_required',
    });
    const important = await registeredResource(holder, { grade: 'IMPORTANT' });
    await expectRefusal(validProductDescription(holder.name, [important]), 'registry.product.grade_too_low', {
      required: 'IMPORTANT',
    });
  });
});

describe('API connectivity test', () => {
  const apiProduct = (endpoint: string) =>
    validProductDescription(holder.name, [], {
      name: `${holder.name}·交通流量·数据接口·实时`,
      form: 'api',
      deliveryMethods: ['api_access'],
      pricing: { model: 'per_call', amountFen: 10, unit: 'call' },
      api: { endpoint, method: 'GET' },
    });

  it('records a passing test, which submission accepts until the description changes', async () => {
    const draft = await createDraft('product', holder, apiProduct(`${apiUrl}/ok`));
    await expect(checkSubmittable('product', draft.id)).rejects.toMatchObject({
      code: 'registry.connectivity_required',
    });
    const res = await holder.owner.send('POST', `/api/products/${draft.id}/connectivity-test`);
    expect(res.status).toBe(200);
    const tested = await json(res);
    expect(tested.connectivity).toMatchObject({ ok: true, statusCode: 200, contentType: 'application/json' });
    expect(tested.connectivity?.latencyMs).toBeGreaterThanOrEqual(0);
    await expect(checkSubmittable('product', draft.id)).resolves.toBeUndefined();
    const events = await listEventsOf(node.platform.deps.database.db, 'data_product', draft.id);
    expect(events.map((e) => e.type)).toContain('registry.product.connectivity_tested');

    const changed = await save(holder.owner, 'product', tested, {
      ...apiProduct(`${apiUrl}/ok`),
      summary: '改过',
    });
    expect(changed.status).toBe(200);
    await expect(checkSubmittable('product', draft.id)).rejects.toMatchObject({
      code: 'registry.connectivity_required',
    });
  });

  it('records a failing endpoint as not ok, and an unreachable one with its error', async () => {
    const failing = await createDraft('product', holder, apiProduct(`${apiUrl}/fail`));
    const res = await json(await holder.owner.send('POST', `/api/products/${failing.id}/connectivity-test`));
    expect(res.connectivity).toMatchObject({ ok: false, statusCode: 500 });
    await expect(checkSubmittable('product', failing.id)).rejects.toMatchObject({
      code: 'registry.connectivity_required',
    });
    const closed = await createDraft('product', holder, apiProduct('http://127.0.0.1:1/none'));
    const down = await json(await holder.owner.send('POST', `/api/products/${closed.id}/connectivity-test`));
    expect(down.connectivity).toMatchObject({ ok: false, statusCode: null });
  });

  it('refuses non-http endpoints, products without one, and other organizations’ products', async () => {
    const draft = await createDraft('product', holder, {});
    const bad = await save(holder.owner, 'product', draft, {
      api: { endpoint: 'file:///etc/passwd', method: 'GET' },
    });
    expect(bad.status).toBe(400);
    const none = await holder.owner.send('POST', `/api/products/${draft.id}/connectivity-test`);
    expect(none.status).toBe(400);
    expect(await errorCodeOf(none)).toBe('registry.connectivity.no_endpoint');
    expect((await other.owner.send('POST', `/api/products/${draft.id}/connectivity-test`)).status).toBe(404);
  });

  it('refuses private and loopback addresses unless the node allows them', async () => {
    const guarded = await startTestNode();
    try {
      const org = await registerParticipantOrg(guarded, ['merchant']);
      for (const endpoint of [
        `${apiUrl}/ok`,
        'http://10.0.0.8/api',
        'http://[::1]:8080/',
        'http://localhost:9/',
      ]) {
        const res = await org.owner.send('POST', '/api/products', {
          organizationId: org.organizationId,
          description: { api: { endpoint, method: 'GET' } },
        });
        const created = await json(res);
        const test = await org.owner.send('POST', `/api/products/${created.id}/connectivity-test`);
        expect(test.status, endpoint).toBe(400);
        expect(await errorCodeOf(test)).toBe('registry.connectivity.private_address');
      }
    } finally {
      await guarded.close();
    }
  });
});

describe('the SubjectsPort', () => {
  it('applies a certified description (with a transfer) and keeps the columns in step', async () => {
    const draft = await createDraft('product', holder, validProductDescription(holder.name, []));
    const certified = validProductDescription(other.name, [], { name: `${other.name}·路况·数据集·逐日` });
    await withSubjects(async (tx) => {
      const loaded = await subjects().load(tx, 'product', draft.id);
      expect(loaded).toMatchObject({ kind: 'product', status: 'draft', grade: 'GENERAL_2' });
      await subjects().setStatus(tx, 'product', draft.id, 'registering');
      await subjects().applyCertified(tx, 'product', draft.id, {
        description: { ...certified },
        contentHash: 'a'.repeat(64),
        certificateId: 'crt_1',
        organizationId: other.organizationId,
      });
    });
    const row = await node.platform.built.services.registry.getProduct(
      node.platform.deps.database.db,
      draft.id,
    );
    expect(row).toMatchObject({
      status: 'registered',
      organizationId: other.organizationId,
      name: certified.name,
      currentCertificateId: 'crt_1',
      form: 'dataset',
      pricingModel: 'subscription',
    });
    expect((await holder.owner.request(`/api/products/${draft.id}`)).status).toBe(200);
    const mine = await json(await other.owner.request(`/api/products/${draft.id}`));
    expect(mine.editable).toBe(true);
  });
});
