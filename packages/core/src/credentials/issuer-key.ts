/**
 * Finding the key a credential claims to be signed with in its issuer's DID document, and checking
 * that the key, the `kid`, `iss` and `issuer` all name the same DID.
 */
import { didOf } from './did-web.js';
import { showValue, type VerificationReason } from './verification.js';

/** A verification method with an Ed25519 public JWK. */
export interface IssuerKey {
  id: string;
  publicKeyJwk: { kty: 'OKP'; crv: 'Ed25519'; x: string; [key: string]: unknown };
}

/**
 * Outcome of the issuer check, and the Ed25519 key when the document has one under `kid` (null for
 * other key types: the signature check then fails as `unsupported_key`).
 */
export type IssuerKeyResult =
  | { ok: true; key: IssuerKey | null }
  | { ok: false; reason: VerificationReason; detail?: string; key: IssuerKey | null };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `#key-1` relative to `did`, or the absolute id as is. */
function absoluteId(id: string, did: string): string {
  return id.startsWith('#') ? `${did}${id}` : id;
}

function asEd25519Key(method: Record<string, unknown>, id: string): IssuerKey | null {
  const jwk = method.publicKeyJwk;
  if (!isRecord(jwk) || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') return null;
  // Never carry a private part into verification, even if a careless document published one.
  const { d: _private, ...publicJwk } = jwk;
  return { id, publicKeyJwk: { ...publicJwk, kty: 'OKP', crv: 'Ed25519', x: jwk.x } };
}

/**
 * Checks `kid` against the issuer: it must be a key of the issuer's DID, listed in the issuer's
 * DID document and allowed to assert (assertionMethod); `iss`, when present, must be the issuer.
 */
export function findIssuerKey(options: {
  issuerDid: string;
  kid: string;
  iss: unknown;
  didDocument: unknown;
}): IssuerKeyResult {
  const { issuerDid, iss, didDocument } = options;
  const kid = absoluteId(options.kid, issuerDid);
  const doc = isRecord(didDocument) ? didDocument : {};
  const methods = Array.isArray(doc.verificationMethod) ? doc.verificationMethod.filter(isRecord) : [];
  const method = methods.find((m) => typeof m.id === 'string' && absoluteId(m.id, issuerDid) === kid);
  const key = method ? asEd25519Key(method, kid) : null;
  const fail = (reason: VerificationReason, detail?: string): IssuerKeyResult => ({
    ok: false,
    reason,
    key,
    ...(detail ? { detail } : {}),
  });

  if (didOf(kid) !== issuerDid) return fail('kid_not_issuer', kid);
  if (iss !== undefined && iss !== issuerDid) return fail('issuer_mismatch', showValue(iss));
  if (doc.id !== issuerDid) return fail('did_document_mismatch', showValue(doc.id));
  if (!method) return fail('unknown_key', kid);
  if (method.controller !== undefined && method.controller !== issuerDid)
    return fail('did_document_mismatch', 'controller');
  const assertion = Array.isArray(doc.assertionMethod) ? doc.assertionMethod : [];
  const mayAssert = assertion.some(
    (entry) =>
      (typeof entry === 'string' && absoluteId(entry, issuerDid) === kid) ||
      (isRecord(entry) && typeof entry.id === 'string' && absoluteId(entry.id, issuerDid) === kid),
  );
  if (!mayAssert) return fail('not_assertion_method', kid);
  return { ok: true, key };
}
