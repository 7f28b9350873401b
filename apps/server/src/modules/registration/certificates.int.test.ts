/**
 * Certificates on the real clock with one publicity "day" shortened to half a second: publicity ends
 * through the durable pg-boss job of the node's own engine, each certificate version verifies with
 * the core verifier against the node's DID document and status lists, and the catalog follows every
 * change of a listed product's certificate (re-index, delist, re-list).
 */
import { sql } from 'drizzle-orm';
import { didWebToUrl, verifyCredentialJwt, type VerifyCredentialOptions } from '@shuliu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodeOf, signUpUser, type TestUser } from '../../test/factories.js';
import { startTestNode, type TestNode } from '../../test/test-node.js';
import {
  descriptionFor,
  draftSubject,
  expectJson,
  registeredMember,
  saveDescription,
  subjectOf,
  submittedCase,
  toPublicity,
  type CaseBody,
  type Member,
} from './test-factories.js';

let node: TestNode;
let admin: TestUser;
let reviewer: TestUser;
let holder: Member;

interface CertificateBody {
  number: string;
  version: number;
  status: string;
  subjectName: string;
  contentHash: string;
  validUntil: string;
  rights: string[];
  holder: { organizationId: string; name: string; creditCode: string };
  previousCertificateNumber: string | null;
  nextCertificateNumber: string | null;
  credential: { jwt: string };
  versions: { number: string; status: string }[];
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
const db = () => node.platform.deps.database.db;

/** Polls a case until it leaves publicity (the job's doing), with a generous deadline. */
async function waitUntilDecided(id: string): Promise<CaseBody> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const c = await expectJson<CaseBody>(await reviewer.request(`/api/registration/cases/${id}`), 200);
    if (c.state !== 'publicity') return c;
    if (Date.now() > deadline) throw new Error(`case ${id} still in publicity`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Case id → subject id, recorded by `run`, to find a case's certificate in its subject's history. */
const subjectsOfCases = new Map<string, string>();
/** Runs a case of `caseType` for a subject to its end through the publicity job. */
async function run(
  subjectId: string,
  caseType: string,
  extra: Record<string, unknown> = {},
  kind: 'product' | 'resource' = 'product',
) {
  const submitted = await submittedCase(holder, kind, subjectId, caseType, extra);
  const c = await toPublicity(reviewer, submitted, kind === 'resource');
  const decided = await waitUntilDecided(c.id);
  subjectsOfCases.set(decided.id, subjectId);
  return decided;
}

const certificate = async (number: string) =>
  expectJson<CertificateBody>(await node.request(`/api/registration/certificates/${number}`), 200);
async function certificateOfCase(c: CaseBody) {
  const { items } = await expectJson<{ items: { number: string; caseId: string }[] }>(
    await node.request(`/api/registration/subjects/${subjectsOfCases.get(c.id) ?? ''}/certificates`),
    200,
  );
  const found = items.find((v) => v.caseId === c.id);
  if (!found) throw new Error(`no certificate for case ${c.id}`);
  return certificate(found.number);
}

/** The public catalog page of a product, or the status when it is not there. */
async function catalogPage(productId: string) {
  const res = await node.request(`/api/catalog/products/${productId}`);
  if (res.status !== 200) return res.status;
  return (await res.json()) as { certificate: { number: string }; provider: { organizationId: string } };
}
const list = async (member: Member, productId: string) =>
  expectJson(await member.send('POST', `/api/catalog/products/${productId}/listing`), 200);

beforeAll(async () => {
  node = await startTestNode({
    env: { SHULIU_PUBLIC_URL: 'http://localhost:8080', SHULIU_PUBLICITY_DAY_MS: '500' },
  });
  admin = await signUpUser(node, { platformRoles: ['exchange_admin'] });
  reviewer = await signUpUser(node, { platformRoles: ['exchange_reviewer'] });
  holder = await registeredMember(node, admin, { roles: ['provider'] });
});
afterAll(async () => {
  await node.close();
});

describe('certificates', () => {
  let subjectId = '';
  let v1 = '';
  let v2 = '';

  it('are issued by the publicity-end job and verify against the node’s DID document', async () => {
    // The product derives from the holder's own resource, registered first (10 short working days).
    const resourceId = await draftSubject(holder, 'resource');
    const resource = await certificateOfCase(await run(resourceId, 'initial', {}, 'resource'));
    expect(resource.rights).toEqual(['holding', 'processing']);
    expect(await verdictOf(resource.credential.jwt)).toBe('valid');

    subjectId = await draftSubject(holder, 'product', descriptionFor(holder, 'product', [resourceId]));
    const decided = await run(subjectId, 'initial');
    expect(decided.state).toBe('active');
    const cert = await certificateOfCase(decided);
    v1 = cert.number;
    expect(cert.number).toMatch(/^SLX-RC-\d{4}-\d{6}$/);
    expect(cert).toMatchObject({
      version: 1,
      status: 'active',
      subjectName: descriptionFor(holder, 'product').name,
      contentHash: decided.contentHash,
      holder: { organizationId: holder.organizationId, name: holder.organizationName },
      previousCertificateNumber: null,
    });
    const result = await verifyCredentialJwt(cert.credential.jwt, resolvers);
    expect(result.verdict).toBe('valid');
    const [, payload = ''] = cert.credential.jwt.split('.');
    const vc = JSON.parse(Buffer.from(payload, 'base64url').toString()) as {
      type: string[];
      credentialSubject: Record<string, unknown>;
    };
    expect(vc.type).toEqual(['VerifiableCredential', 'DataRegistrationCertificate']);
    expect(vc.credentialSubject).toMatchObject({
      certificateNumber: cert.number,
      contentHash: decided.contentHash,
      rights: ['processing'],
      holder: { name: holder.organizationName, unifiedSocialCreditCode: cert.holder.creditCode },
    });
    expect(await subjectOf(holder, 'product', subjectId)).toMatchObject({
      status: 'registered',
      contentHash: decided.contentHash,
    });
    await list(holder, subjectId);
    expect(await catalogPage(subjectId)).toMatchObject({ certificate: { number: v1 } });
  });

  it('gives a change a new version linked to the previous one, which becomes superseded', async () => {
    const { rightsChain } = (await subjectOf(holder, 'product', subjectId)).description;
    await saveDescription(holder, 'product', subjectId, {
      ...descriptionFor(holder, 'product'),
      rightsChain,
      summary: '路段级逐小时交通流量数据集，改为按周更新。',
    });
    const decided = await run(subjectId, 'change');
    expect(decided.state).toBe('active');
    const second = await certificateOfCase(decided);
    v2 = second.number;
    expect(second).toMatchObject({ version: 2, previousCertificateNumber: v1, status: 'active' });
    const first = await certificate(v1);
    expect(first).toMatchObject({ status: 'superseded', nextCertificateNumber: v2 });
    expect(second.contentHash).not.toBe(first.contentHash);
    expect(second.versions.map((v) => [v.number, v.status])).toEqual([
      [v1, 'superseded'],
      [v2, 'active'],
    ]);
    expect(await verdictOf(second.credential.jwt)).toBe('valid');
    // The listed product is re-indexed with the new certificate.
    expect(await catalogPage(subjectId)).toMatchObject({ certificate: { number: v2 } });
  });

  it('are suspended and reinstated only by the exchange admin, with the status list and catalog following', async () => {
    const path = (action: string) => `/api/registration/certificates/${v2}/${action}`;
    expect((await reviewer.send('POST', path('suspend'), { reason: '核查中' })).status).toBe(403);
    expect((await holder.send('POST', path('suspend'), { reason: '核查中' })).status).toBe(403);
    const noReason = await admin.send('POST', path('suspend'), {});
    expect(noReason.status).toBe(400);
    expect(await errorCodeOf(noReason)).toBe('registration.reason_required');
    const suspended = await expectJson<CertificateBody>(
      await admin.send('POST', path('suspend'), { reason: '核查中' }),
      200,
    );
    expect(suspended.status).toBe('suspended');
    expect(await verdictOf(suspended.credential.jwt)).toBe('suspended');
    expect(await catalogPage(subjectId)).toBe(404);
    expect((await subjectOf(holder, 'product', subjectId)).listingStatus).toBe('delisted');
    const twice = await admin.send('POST', path('suspend'), { reason: '核查中' });
    expect(twice.status).toBe(409);
    expect(await errorCodeOf(twice)).toBe('registration.certificate.illegal_transition');
    const reinstated = await expectJson<CertificateBody>(await admin.send('POST', path('reinstate')), 200);
    expect(reinstated.status).toBe('active');
    expect(await verdictOf(reinstated.credential.jwt)).toBe('valid');
    expect(await catalogPage(subjectId)).toMatchObject({ certificate: { number: v2 } });
    expect((await subjectOf(holder, 'product', subjectId)).listingStatus).toBe('listed');
  });

  it('ends a cancellation with the certificate cancelled and revoked in the status list', async () => {
    const decided = await run(subjectId, 'cancellation');
    expect(decided.state).toBe('certified');
    const cert = await certificate(v2);
    expect(cert.status).toBe('cancelled');
    expect(await verdictOf(cert.credential.jwt)).toBe('revoked');
    expect(await subjectOf(holder, 'product', subjectId)).toMatchObject({
      status: 'cancelled',
      listingStatus: 'delisted',
    });
    expect(await catalogPage(subjectId)).toBe(404);
    const after = await holder.send('POST', '/api/registration/cases', {
      subjectKind: 'product',
      subjectId,
      caseType: 'change',
    });
    expect(after.status).toBe(409);
  });

  it('extends validity on renewal, moves the holder on transfer, and expires when validity ends', async () => {
    const other = await draftSubject(holder, 'product');
    const first = await certificateOfCase(await run(other, 'initial'));
    await list(holder, other);
    const renewed = await certificateOfCase(await run(other, 'renewal'));
    expect(renewed.version).toBe(2);
    const years = (Date.parse(renewed.validUntil) - Date.parse(first.validUntil)) / (365.25 * 86_400_000);
    expect(Math.round(years)).toBe(3);
    const transferee = await registeredMember(node, admin);
    const bad = await holder.send('POST', '/api/registration/cases', {
      subjectKind: 'product',
      subjectId: other,
      caseType: 'transfer',
    });
    expect(await errorCodeOf(bad)).toBe('registration.transfer_target_invalid');
    const transferred = await certificateOfCase(
      await run(other, 'transfer', { transferToOrganizationId: transferee.organizationId }),
    );
    expect(transferred).toMatchObject({
      version: 3,
      validUntil: renewed.validUntil,
      holder: { organizationId: transferee.organizationId, name: transferee.organizationName },
    });
    expect((await subjectOf(transferee, 'product', other)).organizationId).toBe(transferee.organizationId);
    expect(await catalogPage(other)).toMatchObject({
      certificate: { number: transferred.number },
      provider: { organizationId: transferee.organizationId },
    });

    await db().execute(
      sql`UPDATE registration_certificates SET valid_until = now() - interval '1 second' WHERE number = ${transferred.number}`,
    );
    expect(await node.platform.built.services.registration.certificates.expireDue()).toBe(1);
    expect((await certificate(transferred.number)).status).toBe('expired');
    expect(await subjectOf(transferee, 'product', other)).toMatchObject({
      status: 'expired',
      listingStatus: 'delisted',
    });
    expect(await catalogPage(other)).toBe(404);
  });

  it('are revoked by the exchange admin (final)', async () => {
    const third = await draftSubject(holder, 'product');
    const cert = await certificateOfCase(await run(third, 'initial'));
    await list(holder, third);
    const revoked = await expectJson<CertificateBody>(
      await admin.send('POST', `/api/registration/certificates/${cert.number}/revoke`, {
        reason: '登记材料虚假',
      }),
      200,
    );
    expect(revoked.status).toBe('revoked');
    expect(await verdictOf(revoked.credential.jwt)).toBe('revoked');
    expect(await catalogPage(third)).toBe(404);
    expect((await subjectOf(holder, 'product', third)).status).toBe('cancelled');
    expect((await admin.send('POST', `/api/registration/certificates/${cert.number}/reinstate`)).status).toBe(
      409,
    );
    expect((await node.request('/api/registration/certificates/SLX-RC-1999-000001')).status).toBe(404);
  });
});
