import { eq, sql } from 'drizzle-orm';
import {
  decodeStatusList,
  didWebToUrl,
  getStatusBit,
  verifyCredentialJwt,
  type VerifyCredentialOptions,
} from '@shuliu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../../test/test-node.js';
import type { CredentialIssuer, IssuedCredential } from './credential-issuer.js';
import { credentialStatusLists } from './status-lists.tables.js';

let node: TestNode;
let issuer: CredentialIssuer;

/** The verifier's resolvers, answered by the node under test through its real HTTP stack. */
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

const db = () => node.platform.deps.database.db;
const issue = (
  subject: Record<string, unknown> = { id: 'did:web:member.example', name: '示例科技有限公司' },
) => db().transaction((tx) => issuer.issue(tx, { types: ['ParticipantCredential'], subject }));
const verify = async (issued: IssuedCredential) => (await verifyCredentialJwt(issued.jwt, resolvers)).verdict;
const setStatus = (issued: IssuedCredential, purpose: 'revocation' | 'suspension', value: boolean) =>
  issuer.setStatus(db(), {
    statusListCredential: issuer.statusListUrl(issued.statusListIds[purpose]),
    index: issued.statusIndex[purpose],
    purpose,
    value,
  });

beforeAll(async () => {
  node = await startTestNode({ env: { SHULIU_PUBLIC_URL: 'http://localhost:8080' } });
  issuer = node.platform.built.services.credentials;
});
afterAll(async () => {
  await node.close();
});

describe('credentials issued by the node', () => {
  it('verify against the node’s DID document and status lists', async () => {
    const issued = await issue();
    const result = await verifyCredentialJwt(issued.jwt, resolvers);
    expect(result.verdict).toBe('valid');
    expect(result.issuer).toBe('did:web:localhost%3A8080');
    expect(result.checks.status.map((s) => [s.purpose, s.outcome])).toEqual([
      ['revocation', 'pass'],
      ['suspension', 'pass'],
    ]);
    expect(issued.credential.credentialStatus).toEqual([
      expect.objectContaining({
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: String(issued.statusIndex.revocation),
        statusListCredential: `http://localhost:8080/api/credentials/status-lists/${issued.statusListIds.revocation}`,
      }),
      expect.objectContaining({ statusPurpose: 'suspension' }),
    ]);
  });

  it('serves status lists as signed application/vc+jwt, and 404 for unknown ones', async () => {
    const issued = await issue();
    const res = await node.request(`/api/credentials/status-lists/${issued.statusListIds.revocation}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/vc\+jwt/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.text()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const missing = await node.request(`/api/credentials/status-lists/stl_${'0'.repeat(32)}`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe(
      'credentials.status_list.not_found',
    );
    expect((await node.request('/api/credentials/status-lists/nope')).status).toBe(400);
  });

  it('reports revocation and suspension, and lifts a suspension', async () => {
    const issued = await issue();
    const neighbour = await issue({ id: 'did:web:neighbour.example' });
    expect(await verify(issued)).toBe('valid');

    await setStatus(issued, 'suspension', true);
    expect(await verify(issued)).toBe('suspended');
    expect(await verify(neighbour)).toBe('valid');
    await setStatus(issued, 'suspension', false);
    expect(await verify(issued)).toBe('valid');

    await setStatus(issued, 'revocation', true);
    expect(await verify(issued)).toBe('revoked');
    expect(await verify(neighbour)).toBe('valid');
  });

  it('hands out distinct indexes in order, and stores bits in the published bit order', async () => {
    const a = await issue();
    const b = await issue();
    expect(b.statusIndex.revocation).toBe(a.statusIndex.revocation + 1);
    expect(b.statusListIds.revocation).toBe(a.statusListIds.revocation);
    await setStatus(b, 'revocation', true);
    const res = await node.request(`/api/credentials/status-lists/${b.statusListIds.revocation}`);
    const [, payload = ''] = (await res.text()).split('.');
    const list = JSON.parse(Buffer.from(payload, 'base64url').toString()) as {
      credentialSubject: { encodedList: string; statusPurpose: string };
    };
    expect(list.credentialSubject.statusPurpose).toBe('revocation');
    const bits = decodeStatusList(list.credentialSubject.encodedList);
    expect(getStatusBit(bits, b.statusIndex.revocation)).toBe(true);
    expect(getStatusBit(bits, a.statusIndex.revocation)).toBe(false);
  });

  it('gives concurrent issues distinct indexes', async () => {
    const issued = await Promise.all(Array.from({ length: 8 }, () => issue()));
    const keys = issued.map((i) => `${i.statusListIds.revocation}#${i.statusIndex.revocation}`);
    expect(new Set(keys).size).toBe(8);
  });

  it('starts a new list when the current one is full', async () => {
    const before = await issue();
    const listId = before.statusListIds.suspension;
    await db()
      .update(credentialStatusLists)
      .set({ nextIndex: sql`${credentialStatusLists.sizeBits} - 1` })
      .where(eq(credentialStatusLists.id, listId));
    const last = await issue();
    expect(last.statusListIds.suspension).toBe(listId);
    expect(last.statusIndex.suspension).toBe(131_071);
    const next = await issue();
    expect(next.statusListIds.suspension).not.toBe(listId);
    expect(next.statusIndex.suspension).toBe(0);
    await setStatus(last, 'suspension', true);
    expect(await verify(last)).toBe('suspended');
    expect(await verify(next)).toBe('valid');
  });

  it('refuses status changes for unknown lists, indexes never handed out, or the wrong purpose', async () => {
    const issued = await issue();
    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: { code?: string; status?: number }) => `${e.status} ${e.code}`,
      );
    const listUrl = issuer.statusListUrl(issued.statusListIds.revocation);
    expect(
      await codeOf(
        issuer.setStatus(db(), {
          statusListCredential: listUrl,
          index: 100_000,
          purpose: 'revocation',
          value: true,
        }),
      ),
    ).toBe('400 credentials.status.index_not_issued');
    expect(
      await codeOf(
        issuer.setStatus(db(), {
          statusListCredential: listUrl,
          index: issued.statusIndex.revocation,
          purpose: 'suspension',
          value: true,
        }),
      ),
    ).toBe('400 credentials.status.purpose_mismatch');
    expect(
      await codeOf(
        issuer.setStatus(db(), {
          statusListCredential: `stl_${'f'.repeat(32)}`,
          index: 0,
          purpose: 'revocation',
          value: true,
        }),
      ),
    ).toBe('404 credentials.status_list.not_found');
    expect(await verify(issued)).toBe('valid');
  });

  it('rolls the index allocation back with the caller’s transaction', async () => {
    const before = await issue();
    await expect(
      db().transaction(async (tx) => {
        await issuer.issue(tx, { types: ['ParticipantCredential'], subject: { id: 'x' } });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const after = await issue();
    expect(after.statusIndex.revocation).toBe(before.statusIndex.revocation + 1);
  });
});
