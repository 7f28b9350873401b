/**
 * `shuliu verify` through commander, offline, with a real Ed25519 issuer built in the test.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { exportJWK, generateKeyPair } from 'jose';
import {
  buildStatusListCredential,
  createStatusList,
  encodeStatusList,
  setStatusBit,
  signCredentialJwt,
  statusEntryOf,
  VC_V2_CONTEXT,
} from '@shuliu/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { takeFailureCode } from './database.js';
import {
  languageOf,
  parseCredentialText,
  readCredentialArgument,
  registerVerifyCommand,
} from './verify.command.js';

const DID = 'did:web:exchange.example';
const LIST_URL = 'https://exchange.example/api/credentials/status-lists/stl_1';
let dir: string;
let jwt: string;
const file = (name: string) => join(dir, name);

async function runCli(...args: string[]): Promise<{ out: string; err: string; exitCode: number }> {
  const program = new Command('shuliu').exitOverride();
  registerVerifyCommand(program);
  const out: string[] = [];
  const err: string[] = [];
  const spyOut = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  const spyErr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  });
  try {
    await program.parseAsync(args, { from: 'user' });
  } finally {
    spyOut.mockRestore();
    spyErr.mockRestore();
  }
  return { out: out.join(''), err: err.join(''), exitCode: takeFailureCode() };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shuliu-verify-'));
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const keyId = `${DID}#key-1`;
  const signer = { privateKey, keyId };
  const didDocument = {
    id: DID,
    verificationMethod: [
      { id: keyId, type: 'JsonWebKey2020', controller: DID, publicKeyJwk: await exportJWK(publicKey) },
    ],
    assertionMethod: [keyId],
  };
  jwt = await signCredentialJwt(
    {
      '@context': [VC_V2_CONTEXT],
      id: 'urn:uuid:0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9',
      type: ['VerifiableCredential', 'ParticipantCredential'],
      issuer: { id: DID, name: '示例数据交易所' },
      validFrom: '2026-01-01T00:00:00Z',
      credentialSubject: { id: 'did:web:member.example' },
      credentialStatus: statusEntryOf(LIST_URL, 5, 'revocation'),
    },
    signer,
  );
  const list = createStatusList();
  const signList = () =>
    signCredentialJwt(
      buildStatusListCredential({
        listUrl: LIST_URL,
        issuer: DID,
        statusPurpose: 'revocation',
        encodedList: encodeStatusList(list),
        validFrom: new Date('2026-01-01T00:00:00Z'),
      }),
      signer,
    );
  await writeFile(file('did.json'), JSON.stringify(didDocument));
  await writeFile(file('credential.jwt'), `${jwt}\n`);
  await writeFile(file('credential.json'), JSON.stringify({ jwt }));
  await writeFile(file('list.jwt'), await signList());
  setStatusBit(list, 5, true);
  await writeFile(file('revoked-list.jwt'), await signList());
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('shuliu verify', () => {
  it('reads a JWT from the argument, a file, or a JSON file', async () => {
    expect(await readCredentialArgument(jwt)).toBe(jwt);
    expect(await readCredentialArgument(file('credential.jwt'))).toBe(jwt);
    expect(await readCredentialArgument(file('credential.json'))).toBe(jwt);
    expect(() => parseCredentialText('{"token": "x"}')).toThrow(/jwt/);
    expect(() => parseCredentialText('{oops')).toThrow(/JSON/);
  });

  it('picks English only when asked', () => {
    expect(languageOf(undefined, 'en_US.UTF-8')).toBe('en');
    expect(languageOf(undefined, 'C.UTF-8')).toBe('zh');
    expect(languageOf('zh', 'en_US.UTF-8')).toBe('zh');
  });

  it('exits 0 for a valid credential, offline, and prints every check', async () => {
    const args = ['--did-document', file('did.json'), '--status-list', file('list.jwt'), '--offline'];
    const { out, exitCode } = await runCli('verify', file('credential.json'), ...args, '--lang', 'en');
    expect(exitCode).toBe(0);
    expect(out).toMatch(/✓ Verdict: Valid/);
    expect(out).toMatch(/✓ Signature/);
    expect(out).toMatch(/✓ Status · revocation #5/);
    const json = await runCli('verify', jwt, ...args, '--json');
    expect((JSON.parse(json.out) as { verdict: string }).verdict).toBe('valid');
  });

  it('exits 1 and says why for a revoked, a tampered or an unverifiable credential', async () => {
    const revoked = await runCli(
      'verify',
      file('credential.jwt'),
      '--did-document',
      file('did.json'),
      '--status-list',
      file('revoked-list.jwt'),
      '--offline',
      '--lang',
      'zh',
    );
    expect(revoked.exitCode).toBe(1);
    expect(revoked.out).toMatch(/✗ 结论: 已撤销/);

    const [h, p = '', s] = jwt.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...payload, validFrom: '2025-01-01T00:00:00Z' })).toString('base64url')}.${s}`;
    const tampered = await runCli(
      'verify',
      forged,
      '--did-document',
      file('did.json'),
      '--offline',
      '--lang',
      'en',
    );
    expect(tampered.exitCode).toBe(1);
    expect(tampered.out).toMatch(/✗ Signature +Bad signature/);

    const offline = await runCli('verify', jwt, '--offline', '--lang', 'en');
    expect(offline.exitCode).toBe(1);
    expect(offline.out).toMatch(/DID document could not be fetched/);

    const garbage = await runCli('verify', 'abc', '--offline', '--lang', 'en');
    expect(garbage.exitCode).toBe(1);
    expect(garbage.out).toMatch(/✗ Format +Not a JWT/);
  });
});
