import { exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildStatusListCredential,
  statusEntryOf,
  VC_V2_CONTEXT,
  type StatusPurpose,
  type VerifiableCredential,
} from './credential.js';
import { didWebToUrl } from './did-web.js';
import { createHttpResolvers } from './http-resolvers.js';
import { signCredentialJwt } from './sign-credential.js';
import { createStatusList, encodeStatusList, setStatusBit } from './status-list.js';
import { verifyCredentialJwt, type VerifyCredentialOptions } from './verify-credential.js';

const NOW = new Date('2026-03-01T00:00:00Z');

/** A did:web issuer with a real Ed25519 key, its DID document and its published status lists. */
interface TestIssuer {
  did: string;
  keyId: string;
  privateKey: CryptoKey;
  didDocument: Record<string, unknown>;
}

async function createIssuer(host: string): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const did = `did:web:${host}`;
  const keyId = `${did}#key-1`;
  const publicKeyJwk = await exportJWK(publicKey);
  return {
    did,
    keyId,
    privateKey,
    didDocument: {
      '@context': ['https://www.w3.org/ns/did/v1'],
      id: did,
      verificationMethod: [{ id: keyId, type: 'JsonWebKey2020', controller: did, publicKeyJwk }],
      assertionMethod: [keyId],
    },
  };
}

let issuer: TestIssuer;
let other: TestIssuer;
const documents = new Map<string, unknown>();
const statusLists = new Map<string, string>();
const lists = { revocation: createStatusList(), suspension: createStatusList() };
const listUrl = (purpose: StatusPurpose) =>
  `https://exchange.example/api/credentials/status-lists/${purpose}`;

const options: VerifyCredentialOptions = {
  resolveDidDocument: (did) => {
    const doc = documents.get(did);
    return doc ? Promise.resolve(doc) : Promise.reject(new Error(`no DID document for ${did}`));
  },
  fetchStatusListCredential: (url) => {
    const jwt = statusLists.get(url);
    return jwt ? Promise.resolve(jwt) : Promise.reject(new Error(`404 ${url}`));
  },
  now: NOW,
};

async function publishList(purpose: StatusPurpose, signer = issuer, url = listUrl(purpose)) {
  const credential = buildStatusListCredential({
    listUrl: url,
    issuer: signer.did,
    statusPurpose: purpose,
    encodedList: encodeStatusList(lists[purpose]),
    validFrom: new Date('2026-01-01T00:00:00Z'),
  });
  statusLists.set(url, await signCredentialJwt(credential, signer));
}

function credentialOf(overrides: Partial<VerifiableCredential> = {}): VerifiableCredential {
  return {
    '@context': [VC_V2_CONTEXT],
    id: 'urn:uuid:6a4a6a0e-5b1c-4c47-9a55-0f4f0f4f0f4f',
    type: ['VerifiableCredential', 'ParticipantCredential'],
    issuer: { id: issuer.did, name: '示例数据交易所' },
    validFrom: '2026-01-15T08:00:00Z',
    validUntil: '2027-01-15T08:00:00Z',
    credentialSubject: { id: 'did:web:member.example', name: '示例科技有限公司' },
    credentialStatus: [
      statusEntryOf(listUrl('revocation'), 7, 'revocation'),
      statusEntryOf(listUrl('suspension'), 7, 'suspension'),
    ],
    ...overrides,
  };
}

const issue = (
  overrides?: Partial<VerifiableCredential>,
  signer: { privateKey: CryptoKey; keyId: string } = issuer,
) => signCredentialJwt(credentialOf(overrides), signer);

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

beforeAll(async () => {
  issuer = await createIssuer('exchange.example');
  other = await createIssuer('other.example');
  documents.set(issuer.did, issuer.didDocument);
  documents.set(other.did, other.didDocument);
  await publishList('revocation');
  await publishList('suspension');
});

describe('verifyCredentialJwt', () => {
  it('accepts a credential signed by its issuer, current and in good standing', async () => {
    const result = await verifyCredentialJwt(await issue(), options);
    expect(result.verdict).toBe('valid');
    expect(result.reason).toBeNull();
    expect(result.checks.format.outcome).toBe('pass');
    expect(result.checks.issuer.outcome).toBe('pass');
    expect(result.checks.signature.outcome).toBe('pass');
    expect(result.checks.validity.outcome).toBe('pass');
    expect(result.checks.status.map((s) => [s.purpose, s.outcome, s.isSet])).toEqual([
      ['revocation', 'pass', false],
      ['suspension', 'pass', false],
    ]);
    expect(result.issuer).toBe(issuer.did);
    expect(result.header).toMatchObject({ alg: 'EdDSA', kid: issuer.keyId, typ: 'vc+jwt', cty: 'vc' });
    expect(result.credential?.credentialSubject).toEqual({
      id: 'did:web:member.example',
      name: '示例科技有限公司',
    });
  });

  it('rejects a credential whose payload was altered after signing', async () => {
    const [header, , signature] = (await issue()).split('.');
    const forged = credentialOf({ credentialSubject: { id: 'did:web:member.example', name: '冒名公司' } });
    const result = await verifyCredentialJwt(`${header}.${b64(forged)}.${signature}`, options);
    expect(result.verdict).toBe('invalid');
    expect(result.reason).toBe('bad_signature');
    expect(result.checks.issuer.outcome).toBe('pass');
    expect(result.checks.status.every((s) => s.outcome === 'skip')).toBe(true);
  });

  it('rejects a credential signed with a key other than the one its kid names', async () => {
    const result = await verifyCredentialJwt(
      await issue({}, { privateKey: other.privateKey, keyId: issuer.keyId }),
      options,
    );
    expect(result.verdict).toBe('invalid');
    expect(result.reason).toBe('bad_signature');
  });

  it('rejects a kid the issuer’s DID document does not list', async () => {
    const result = await verifyCredentialJwt(
      await issue({}, { privateKey: issuer.privateKey, keyId: `${issuer.did}#key-2` }),
      options,
    );
    expect(result.verdict).toBe('invalid');
    expect(result.reason).toBe('unknown_key');
    expect(result.checks.signature).toMatchObject({ outcome: 'skip', reason: 'unknown_key' });
  });

  it('rejects a credential claiming one issuer but signed with another DID’s key', async () => {
    const result = await verifyCredentialJwt(await issue({}, other), options);
    expect(result.verdict).toBe('invalid');
    expect(result.reason).toBe('kid_not_issuer');
  });

  it('rejects a key the DID document does not allow to issue (assertionMethod)', async () => {
    const restricted = await createIssuer('restricted.example');
    documents.set(restricted.did, { ...restricted.didDocument, assertionMethod: [] });
    const result = await verifyCredentialJwt(
      await issue({ issuer: restricted.did, credentialStatus: [] }, restricted),
      options,
    );
    expect(result.reason).toBe('not_assertion_method');
  });

  it('rejects an iss claim that differs from issuer', async () => {
    const result = await verifyCredentialJwt(await issue({ iss: other.did }), options);
    expect(result.verdict).toBe('invalid');
    expect(result.reason).toBe('issuer_mismatch');
  });

  it('says invalid when the issuer’s DID document cannot be had', async () => {
    const result = await verifyCredentialJwt(await issue({ issuer: 'did:web:gone.example' }), options);
    expect(result.verdict).toBe('invalid');
    expect(result.reason).toBe('did_unresolvable');
    expect(result.checks.issuer.detail).toMatch(/gone\.example/);
  });

  it('reports an expired credential as expired, and a future one as invalid', async () => {
    const expired = await verifyCredentialJwt(await issue({ validUntil: '2026-02-01T00:00:00Z' }), options);
    expect(expired.verdict).toBe('expired');
    expect(expired.checks.validity).toMatchObject({ outcome: 'fail', reason: 'expired' });
    expect(expired.checks.signature.outcome).toBe('pass');
    const early = await verifyCredentialJwt(await issue({ validFrom: '2026-06-01T00:00:00+08:00' }), options);
    expect(early.verdict).toBe('invalid');
    expect(early.reason).toBe('not_yet_valid');
    const later = await verifyCredentialJwt(await issue(), {
      ...options,
      now: new Date('2027-02-01T00:00:00Z'),
    });
    expect(later.verdict).toBe('expired');
  });

  it('tolerates an issuer clock a little ahead (60 s by default), not more', async () => {
    const soon = await issue({ validFrom: '2026-03-01T00:00:30Z' });
    expect((await verifyCredentialJwt(soon, options)).verdict).toBe('valid');
    expect((await verifyCredentialJwt(soon, { ...options, clockToleranceMs: 0 })).reason).toBe(
      'not_yet_valid',
    );
    const later = await issue({ validFrom: '2026-03-01T00:02:00Z' });
    expect((await verifyCredentialJwt(later, options)).reason).toBe('not_yet_valid');
  });

  it('distrusts an expired status list', async () => {
    const url = 'https://exchange.example/lists/stale';
    const stale = buildStatusListCredential({
      listUrl: url,
      issuer: issuer.did,
      statusPurpose: 'revocation',
      encodedList: encodeStatusList(createStatusList()),
      validFrom: new Date('2026-01-01T00:00:00Z'),
      validUntil: new Date('2026-01-02T00:00:00Z'),
    });
    statusLists.set(url, await signCredentialJwt(stale, issuer));
    const result = await verifyCredentialJwt(
      await issue({ credentialStatus: statusEntryOf(url, 1, 'revocation') }),
      options,
    );
    expect([result.verdict, result.reason, result.checks.status[0]?.detail]).toEqual([
      'invalid',
      'status_list_invalid',
      'expired',
    ]);
  });

  it('reports revoked and suspended credentials from their status lists', async () => {
    const jwt = await issue();
    setStatusBit(lists.suspension, 7, true);
    await publishList('suspension');
    expect((await verifyCredentialJwt(jwt, options)).verdict).toBe('suspended');
    setStatusBit(lists.revocation, 7, true);
    await publishList('revocation');
    const revoked = await verifyCredentialJwt(jwt, options);
    expect(revoked.verdict).toBe('revoked');
    expect(revoked.checks.status.map((s) => s.reason)).toEqual(['revoked', 'suspended']);
    setStatusBit(lists.revocation, 7, false);
    setStatusBit(lists.suspension, 7, false);
    await publishList('revocation');
    await publishList('suspension');
    expect((await verifyCredentialJwt(jwt, options)).verdict).toBe('valid');
    // A neighbour's bit says nothing about this credential.
    setStatusBit(lists.revocation, 8, true);
    await publishList('revocation');
    expect((await verifyCredentialJwt(jwt, options)).verdict).toBe('valid');
    setStatusBit(lists.revocation, 8, false);
    await publishList('revocation');
  });

  it('distrusts status lists that are missing, tampered, foreign, for another purpose or too short', async () => {
    const verdictWith = async (entry: object) => {
      const result = await verifyCredentialJwt(await issue({ credentialStatus: entry as never }), options);
      return [result.verdict, result.reason];
    };
    const url = 'https://exchange.example/lists/x';
    expect(await verdictWith(statusEntryOf(url, 1, 'revocation'))).toEqual([
      'invalid',
      'status_list_unavailable',
    ]);

    await publishList('revocation', other, url);
    expect(await verdictWith(statusEntryOf(url, 1, 'revocation'))).toEqual([
      'invalid',
      'status_list_issuer_mismatch',
    ]);

    const [h, p, s] = (statusLists.get(listUrl('revocation')) ?? '').split('.');
    const tampered = JSON.parse(Buffer.from(p ?? '', 'base64url').toString()) as VerifiableCredential;
    tampered.validFrom = '2026-01-02T00:00:00Z';
    statusLists.set(url, `${h}.${b64(tampered)}.${s}`);
    expect(await verdictWith(statusEntryOf(url, 1, 'revocation'))).toEqual([
      'invalid',
      'status_list_invalid',
    ]);

    // The suspension list served where the revocation list should be.
    statusLists.set(url, statusLists.get(listUrl('suspension')) ?? '');
    expect(await verdictWith(statusEntryOf(url, 1, 'revocation'))).toEqual([
      'invalid',
      'status_list_invalid',
    ]);
    await publishList('suspension', issuer, url);
    expect(await verdictWith(statusEntryOf(url, 1, 'revocation'))).toEqual([
      'invalid',
      'status_purpose_mismatch',
    ]);

    expect(await verdictWith(statusEntryOf(listUrl('revocation'), 131_072, 'revocation'))).toEqual([
      'invalid',
      'index_out_of_range',
    ]);
    expect(
      await verdictWith({ ...statusEntryOf(listUrl('revocation'), 1, 'revocation'), statusListIndex: '-1' }),
    ).toEqual(['invalid', 'bad_status_entry']);
    expect(await verdictWith({ type: 'StatusList2021Entry' })).toEqual([
      'invalid',
      'unsupported_status_type',
    ]);
    // Purposes that do not bear on validity are reported, not held against the credential.
    const refresh = await verifyCredentialJwt(
      await issue({ credentialStatus: { ...statusEntryOf(url, 1, 'revocation'), statusPurpose: 'refresh' } }),
      options,
    );
    expect(refresh.verdict).toBe('valid');
    expect(refresh.checks.status[0]).toMatchObject({ outcome: 'skip', reason: 'unsupported_status_purpose' });
  });

  it('says invalid, without throwing, for input that is not a credential JWT', async () => {
    const header = b64({ alg: 'EdDSA', kid: 'did:web:exchange.example#key-1', typ: 'vc+jwt' });
    const cases: [unknown, string][] = [
      ['abc', 'not_a_jwt'],
      ['', 'not_a_jwt'],
      [null, 'not_a_jwt'],
      ['!!!.@@@.###', 'not_a_jwt'],
      ['xxxx.yyyy.zzzz', 'bad_header'],
      ['a.b.c.d.e', 'not_a_jwt'],
      [`${b64({ alg: 'none' })}.${b64(credentialOf())}.`, 'unsupported_algorithm'],
      [`${b64({ alg: 'HS256', kid: issuer.keyId })}.${b64(credentialOf())}.c2ln`, 'unsupported_algorithm'],
      [`${b64({ alg: 'EdDSA' })}.${b64(credentialOf())}.c2ln`, 'missing_kid'],
      [`${b64({ alg: 'EdDSA', kid: 'k', typ: 'JWT' })}.${b64(credentialOf())}.c2ln`, 'wrong_media_type'],
      [
        `${b64({ alg: 'EdDSA', kid: 'k', crit: ['b64'], b64: false })}.${b64(credentialOf())}.c2ln`,
        'bad_header',
      ],
      [`${header}.${b64([1, 2])}.c2ln`, 'bad_payload'],
      [`${header}.${b64({ vc: credentialOf() })}.c2ln`, 'bad_context'],
      [`${header}.${b64({ ...credentialOf(), type: ['ParticipantCredential'] })}.c2ln`, 'bad_type'],
      [`${header}.${b64({ ...credentialOf(), issuer: { name: 'x' } })}.c2ln`, 'bad_issuer'],
      [`${header}.${b64({ ...credentialOf(), credentialSubject: [] })}.c2ln`, 'bad_subject'],
      [`${header}.${b64({ ...credentialOf(), validUntil: '2027-01-15' })}.c2ln`, 'bad_date'],
      [`${header}.${b64(credentialOf())}.`, 'bad_signature'],
    ];
    for (const [input, reason] of cases) {
      const result = await verifyCredentialJwt(input as string, options);
      expect([result.verdict, result.reason], String(input)).toEqual(['invalid', reason]);
    }
  });

  it('survives arbitrary garbage', async () => {
    const alphabet = 'ab.-_{}"eyJ0123456789=+/ ';
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 300; n++) {
      const input = Array.from(
        { length: Math.floor(random() * 60) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
      expect((await verifyCredentialJwt(input, options)).verdict).toBe('invalid');
    }
  });
});

describe('didWebToUrl', () => {
  it('maps did:web DIDs to their document URLs', () => {
    expect(didWebToUrl('did:web:localhost%3A8080')).toBe('http://localhost:8080/.well-known/did.json');
    expect(didWebToUrl('did:web:127.0.0.1%3A9000#key-1')).toBe('http://127.0.0.1:9000/.well-known/did.json');
    expect(didWebToUrl('did:web:exchange.example')).toBe('https://exchange.example/.well-known/did.json');
    expect(didWebToUrl('did:web:exchange.example%3A8443:nodes:gz')).toBe(
      'https://exchange.example:8443/nodes/gz/did.json',
    );
    expect(didWebToUrl('did:web:localhost.evil.example')).toBe(
      'https://localhost.evil.example/.well-known/did.json',
    );
  });

  it('refuses other DIDs and path tricks', () => {
    for (const did of [
      'did:key:z6Mk',
      'did:web:',
      'web:example.com',
      'did:web:a%2Fb',
      'did:web:example.com:..',
      'did:web:example.com:%E0%A4%A',
    ]) {
      expect(() => didWebToUrl(did), did).toThrow(TypeError);
    }
  });
});

describe('createHttpResolvers', () => {
  it('fetches did:web documents and status lists, and fails on HTTP errors', async () => {
    const requested: string[] = [];
    const resolvers = createHttpResolvers((url) => {
      requested.push(url);
      if (url.endsWith('/did.json')) return Promise.resolve(Response.json(issuer.didDocument));
      if (url === listUrl('revocation')) return Promise.resolve(new Response(`${statusLists.get(url)}\n`));
      return Promise.resolve(new Response('nope', { status: 404 }));
    });
    const result = await verifyCredentialJwt(await issue(), { ...resolvers, now: NOW });
    expect(requested.filter((url) => url.endsWith('/did.json'))).toEqual([
      'https://exchange.example/.well-known/did.json',
    ]);
    expect(result.checks.status.map((s) => s.reason ?? s.outcome)).toEqual([
      'pass',
      'status_list_unavailable',
    ]);
    await expect(resolvers.resolveDidDocument('did:key:z6Mk')).rejects.toThrow(TypeError);
  });
});
