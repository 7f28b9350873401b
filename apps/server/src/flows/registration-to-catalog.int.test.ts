/**
 * One journey across modules, through the node's HTTP API only: a provider registers a data resource
 * (with an objection dismissed on the way), then a product deriving from it; the certified product is
 * listed, found by an anonymous search, shown on its page, exported as DCAT and through the CKAN API,
 * and its certificate verifies with the core verifier. Suspending the certificate takes it out of
 * the catalog; reinstating it brings it back. Publicity days are shortened to half a second and end
 * through the node's own durable jobs.
 */
import { didWebToUrl, verifyCredentialJwt, type VerifyCredentialOptions } from '@shuliu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpUser, type TestUser } from '../test/factories.js';
import { validProductDescription, validResourceDescription } from '../test/registry-fixtures.js';
import { startTestNode, type TestNode } from '../test/test-node.js';
import {
  expectJson,
  passChecklist,
  registeredMember,
  subjectOf,
  type CaseBody,
  type Member,
  type SubjectBody,
} from '../modules/registration/test-factories.js';

let node: TestNode;
let admin: TestUser;
let reviewer: TestUser;
let provider: Member;
let objector: TestUser;

interface CertificateBody {
  number: string;
  status: string;
  rights: string[];
  contentHash: string;
  credential: { jwt: string };
}
interface SearchBody {
  items: { id: string; certificateNumber: string }[];
  total: number;
  facets: Record<string, { value: string; label: string | null; count: number }[]>;
}

const resolvers: VerifyCredentialOptions = {
  async resolveDidDocument(did) {
    const res = await node.request(new URL(didWebToUrl(did)).pathname);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return (await res.json()) as unknown;
  },
  async fetchStatusListCredential(url) {
    const res = await node.request(new URL(url).pathname);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.text();
  },
};
const verdictOf = async (jwt: string) => (await verifyCredentialJwt(jwt, resolvers)).verdict;
const caseAction = (user: TestUser, id: string, verb: string, body?: unknown) =>
  user.send('POST', `/api/registration/cases/${id}/${verb}`, body);

/** Polls a case until publicity has ended (the node's job certifies it). */
async function decided(id: string): Promise<CaseBody> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const c = await expectJson<CaseBody>(await provider.request(`/api/registration/cases/${id}`), 200);
    if (c.state !== 'publicity' && c.state !== 'objection_review') return c;
    if (Date.now() > deadline) throw new Error(`case ${id} still ${c.state}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Opens and submits the initial case, reviews it into publicity; returns the case in publicity. */
async function reviewIntoPublicity(kind: 'resource' | 'product', subjectId: string): Promise<CaseBody> {
  const opened = await expectJson<CaseBody>(
    await provider.send('POST', '/api/registration/cases', {
      subjectKind: kind,
      subjectId,
      caseType: 'initial',
    }),
    201,
  );
  const submitted = await expectJson<CaseBody>(await caseAction(provider, opened.id, 'submit'), 200);
  expect(submitted.state).toBe('submitted');
  expect((await subjectOf(provider, kind, subjectId)).status).toBe('registering');
  await expectJson(await caseAction(reviewer, opened.id, 'accept'), 200);
  await expectJson(await caseAction(reviewer, opened.id, 'formal-review'), 200);
  await passChecklist(reviewer, submitted);
  // Resources have a substantive review under their regime; products do not.
  if (kind === 'resource') await expectJson(await caseAction(reviewer, opened.id, 'substantive-review'), 200);
  else expect((await caseAction(reviewer, opened.id, 'substantive-review')).status).toBe(409);
  const inPublicity = await expectJson<CaseBody>(await caseAction(reviewer, opened.id, 'publicity'), 200);
  expect(inPublicity.state).toBe('publicity');
  return inPublicity;
}

async function certificateOf(subjectId: string): Promise<CertificateBody> {
  const { items } = await expectJson<{ items: { number: string; status: string }[] }>(
    await node.request(`/api/registration/subjects/${subjectId}/certificates`),
    200,
  );
  const current = items.at(-1);
  if (!current) throw new Error(`no certificate for ${subjectId}`);
  return expectJson<CertificateBody>(
    await node.request(`/api/registration/certificates/${current.number}`),
    200,
  );
}

/** Where the product shows up for anyone, without signing in. */
async function visibility(productId: string) {
  const search = await expectJson<SearchBody>(
    await node.request(`/api/catalog/search?q=${encodeURIComponent('交通流量')}`),
    200,
  );
  const turtle = await (await node.request('/catalog.ttl')).text();
  return {
    search,
    inSearch: search.items.some((i) => i.id === productId),
    page: (await node.request(`/api/catalog/products/${productId}`)).status,
    inTurtle: turtle.includes(productId),
    jsonld: (await node.request(`/dataset/${productId}.jsonld`)).status,
    ckan: (await node.request(`/api/3/action/package_show?id=${productId}`)).status,
  };
}

beforeAll(async () => {
  node = await startTestNode({
    env: { SHULIU_PUBLIC_URL: 'http://localhost:8080', SHULIU_PUBLICITY_DAY_MS: '500' },
  });
  admin = await signUpUser(node, { platformRoles: ['exchange_admin'] });
  reviewer = await signUpUser(node, { platformRoles: ['exchange_reviewer'] });
  provider = await registeredMember(node, admin, { roles: ['provider', 'merchant'] });
  objector = await signUpUser(node);
});
afterAll(async () => {
  await node.close();
});

describe('from registration to the catalog', () => {
  let resourceId = '';
  let productId = '';
  let productCertificate: CertificateBody;

  it('registers a resource: draft, save, review, publicity with an objection dismissed, certificate', async () => {
    const draft = await expectJson<SubjectBody>(
      await provider.send('POST', '/api/resources', {
        organizationId: provider.organizationId,
        description: { name: '城市道路交通流量监测数据', domain: 'transport' },
      }),
      201,
    );
    resourceId = draft.id;
    const saved = await expectJson<SubjectBody>(
      await provider.send('PUT', `/api/resources/${resourceId}`, {
        version: draft.version,
        description: validResourceDescription(),
      }),
      200,
    );
    expect(saved.status).toBe('draft');
    const c = await reviewIntoPublicity('resource', resourceId);

    const notices = await expectJson<{ items: { number: string }[] }>(
      await node.request('/api/registration/notices?subjectKind=resource'),
      200,
    );
    expect(notices.items.map((n) => n.number)).toContain(c.number);
    await expectJson(
      await objector.send('POST', `/api/registration/cases/${c.id}/objections`, {
        reasons: '该数据中的部分路段检测设备为我单位所有，请核实数据来源。',
      }),
      201,
    );
    const paused = await expectJson<CaseBody>(await reviewer.request(`/api/registration/cases/${c.id}`), 200);
    expect(paused.state).toBe('objection_review');
    const objectionId = paused.objections[0]?.id ?? '';
    const resumed = await expectJson<CaseBody>(
      await caseAction(reviewer, c.id, `objections/${objectionId}/decision`, {
        outcome: 'dismissed',
        note: '设备采购合同证明设备归申请人所有，异议不成立',
      }),
      200,
    );
    expect(resumed.state).toBe('publicity');

    const done = await decided(c.id);
    expect(done.state).toBe('active');
    expect(done.timeline.map((t) => t.type)).toEqual(
      expect.arrayContaining(['registration.case.objection_dismissed', 'registration.case.certified']),
    );
    const resource = await subjectOf(provider, 'resource', resourceId);
    expect(resource).toMatchObject({ status: 'registered', contentHash: done.contentHash });
    const cert = await certificateOf(resourceId);
    expect(cert).toMatchObject({ status: 'active', rights: ['holding', 'processing'] });
    expect(await verdictOf(cert.credential.jwt)).toBe('valid');
  });

  it('registers a product deriving from it under the product regime', async () => {
    const draft = await expectJson<SubjectBody>(
      await provider.send('POST', '/api/products', {
        organizationId: provider.organizationId,
        description: validProductDescription(provider.organizationName, [resourceId]),
      }),
      201,
    );
    productId = draft.id;
    const c = await reviewIntoPublicity('product', productId);
    // Three calendar days of half a second.
    expect(Date.parse(c.publicityEndsAt ?? '') - Date.now()).toBeLessThanOrEqual(1500);
    const done = await decided(c.id);
    expect(done.state).toBe('active');
    expect((await subjectOf(provider, 'product', productId)).status).toBe('registered');
    productCertificate = await certificateOf(productId);
    expect(productCertificate).toMatchObject({
      status: 'active',
      rights: ['processing'],
      contentHash: done.contentHash,
    });
  });

  it('is not in the catalog until its owner lists it', async () => {
    const before = await visibility(productId);
    expect(before).toMatchObject({ inSearch: false, page: 404, inTurtle: false, jsonld: 404, ckan: 404 });
    // Only a member of the holder may list it.
    expect((await objector.send('POST', `/api/catalog/products/${productId}/listing`)).status).toBe(404);
    await expectJson(await provider.send('POST', `/api/catalog/products/${productId}/listing`), 200);
  });

  it('is found by an anonymous search, shown with its certificate, and exported as DCAT and CKAN', async () => {
    const { search, ...seen } = await visibility(productId);
    expect(seen).toEqual({ inSearch: true, page: 200, inTurtle: true, jsonld: 200, ckan: 200 });
    expect(search.items.find((i) => i.id === productId)?.certificateNumber).toBe(productCertificate.number);
    expect(search.facets.domain).toContainEqual(expect.objectContaining({ value: 'transport', count: 1 }));
    expect(search.facets.provider).toContainEqual({
      value: provider.organizationId,
      label: provider.organizationName,
      count: 1,
    });

    const page = await expectJson<{
      certificate: { number: string; status: string };
      provider: { name: string; contact: { phone: string } };
    }>(await node.request(`/api/catalog/products/${productId}`), 200);
    expect(page.certificate).toMatchObject({ number: productCertificate.number, status: 'active' });
    expect(page.provider.name).toBe(provider.organizationName);
    expect(page.provider.contact.phone).not.toBe('13812345678');

    const jsonld = await (await node.request(`/dataset/${productId}.jsonld`)).text();
    expect(jsonld).toContain(`/dataset/${productId}`);
    expect(jsonld).toContain(productCertificate.number);
    const ckan = await expectJson<{
      success: boolean;
      result: { id: string; organization: { title?: string } };
    }>(await node.request(`/api/3/action/package_show?id=${productId}`), 200);
    expect(ckan.success).toBe(true);
    expect(ckan.result.id).toBe(productId);

    expect(await verdictOf(productCertificate.credential.jwt)).toBe('valid');
  });

  it('leaves the catalog while the certificate is suspended and returns when it is reinstated', async () => {
    const path = (action: string) => `/api/registration/certificates/${productCertificate.number}/${action}`;
    await expectJson(await admin.send('POST', path('suspend'), { reason: '收到举报，核查权属' }), 200);
    expect(await verdictOf(productCertificate.credential.jwt)).toBe('suspended');
    const { search: _hidden, ...hidden } = await visibility(productId);
    expect(hidden).toEqual({ inSearch: false, page: 404, inTurtle: false, jsonld: 404, ckan: 404 });
    expect((await subjectOf(provider, 'product', productId)).listingStatus).toBe('delisted');

    await expectJson(await admin.send('POST', path('reinstate')), 200);
    expect(await verdictOf(productCertificate.credential.jwt)).toBe('valid');
    const { search: _shown, ...shown } = await visibility(productId);
    expect(shown).toEqual({ inSearch: true, page: 200, inTurtle: true, jsonld: 200, ckan: 200 });
    expect((await subjectOf(provider, 'product', productId)).listingStatus).toBe('listed');
  });
});
