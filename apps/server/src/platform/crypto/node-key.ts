/**
 * The node's signing key (Ed25519): generated on first start under `<data dir>/keys`, published in the
 * node's did:web document, used to sign credentials and certificates.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

/** The node's key pair and its identifiers. */
export interface NodeKey {
  /** did:web identifier of the node, e.g. `did:web:localhost%3A8080`. */
  did: string;
  /** Verification method id, `<did>#key-1`. */
  keyId: string;
  publicJwk: JWK;
  privateKey: CryptoKey;
}

/** did:web identifier for a base URL: host (port encoded as %3A) and path segments joined by ':'. */
export function didWebOf(publicUrl: string): string {
  const url = new URL(publicUrl);
  const host = url.port ? `${url.hostname}%3A${url.port}` : url.hostname;
  const path = url.pathname.split('/').filter(Boolean).map(encodeURIComponent);
  return ['did:web', host, ...path].join(':');
}

/** Loads the node key from `dir`, creating it on first use. */
export async function loadNodeKey(dir: string, publicUrl: string): Promise<NodeKey> {
  const file = join(dir, 'node-ed25519.jwk.json');
  let privateJwk: JWK;
  if (existsSync(file)) privateJwk = JSON.parse(await readFile(file, 'utf8')) as JWK;
  else {
    const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    privateJwk = await exportJWK(pair.privateKey);
    await mkdir(dir, { recursive: true });
    await writeFile(file, JSON.stringify(privateJwk), { mode: 0o600 });
  }
  const { d: _secret, ...publicJwk } = privateJwk;
  const privateKey = (await importJWK({ ...privateJwk, alg: 'EdDSA' }, 'EdDSA')) as CryptoKey;
  const did = didWebOf(publicUrl);
  return { did, keyId: `${did}#key-1`, publicJwk: { ...publicJwk, alg: 'EdDSA' }, privateKey };
}

/** The node's DID document (did:web), served at `/.well-known/did.json`. */
export function didDocumentOf(key: NodeKey, name: string): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
    id: key.did,
    alsoKnownAs: [name],
    verificationMethod: [
      { id: key.keyId, type: 'JsonWebKey2020', controller: key.did, publicKeyJwk: key.publicJwk },
    ],
    assertionMethod: [key.keyId],
    authentication: [key.keyId],
  };
}
