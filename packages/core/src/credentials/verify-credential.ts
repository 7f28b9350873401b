/**
 * Verifying a VC 2.0 credential secured as a JWT (VC-JOSE-COSE, EdDSA): format → issuer (the key
 * is the issuer's, per its DID document) → signature → validity period → status lists. Every check
 * is reported by name; bad input yields `verdict: 'invalid'` with a reason code, never an exception.
 */
import { compactVerify, importJWK } from 'jose';
import { checkStatusEntries, statusEntriesOf, unCheckedStatus } from './check-status.js';
import { issuerIdOf } from './credential.js';
import { decodeCredentialJwt } from './credential-format.js';
import { findIssuerKey, type IssuerKey } from './issuer-key.js';
import {
  failed,
  passed,
  skipped,
  type CredentialVerification,
  type StatusCheck,
  type VerificationCheck,
  type VerificationReason,
} from './verification.js';

/** Where the verifier gets what it does not hold: DID documents and status list credentials. */
export interface VerifyCredentialOptions {
  /** The DID document of `did` (e.g. fetched from `didWebToUrl(did)`). */
  resolveDidDocument(did: string): Promise<unknown>;
  /** The status list credential (VC JWT) at `url`. */
  fetchStatusListCredential(url: string): Promise<string>;
  /** The time to judge validity at; defaults to the current time. */
  now?: Date;
  /**
   * How far the issuer's clock may run ahead of ours (default 60 s), so a credential or status list
   * signed a moment ago is not "not yet valid" here. Expiry is judged without tolerance.
   */
  clockToleranceMs?: number;
}

/** Verifies a credential JWT and reports each check and an overall verdict. Never throws. */
export async function verifyCredentialJwt(
  jwt: string,
  options: VerifyCredentialOptions,
): Promise<CredentialVerification> {
  // One fetch per DID per verification: the status lists are signed by the same issuer.
  const documents = new Map<string, Promise<unknown>>();
  const resolveDidDocument = (did: string) => {
    let document = documents.get(did);
    if (!document) {
      document = options.resolveDidDocument(did);
      documents.set(did, document);
    }
    return document;
  };
  try {
    return await verify(jwt, { ...options, resolveDidDocument }, true);
  } catch (error) {
    // Every step catches its own failures; this is the net for a bug, so callers still get a result.
    const detail = error instanceof Error ? error.message : String(error);
    return {
      verdict: 'invalid',
      reason: 'verifier_error',
      checks: {
        format: failed('verifier_error', detail),
        issuer: skipped(),
        signature: skipped(),
        validity: skipped(),
        status: [],
      },
      header: null,
      credential: null,
      issuer: null,
    };
  }
}

async function verify(
  jwt: string,
  options: VerifyCredentialOptions,
  isStatusChecked: boolean,
): Promise<CredentialVerification> {
  const decoded = decodeCredentialJwt(jwt);
  if (!decoded.ok) {
    return {
      verdict: 'invalid',
      reason: decoded.reason,
      checks: {
        format: failed(decoded.reason, decoded.detail),
        issuer: skipped(),
        signature: skipped(),
        validity: skipped(),
        status: [],
      },
      header: decoded.header,
      credential: null,
      issuer: null,
    };
  }
  const { header, credential, claims } = decoded.value;
  const issuerDid = issuerIdOf(credential.issuer);
  const now = options.now ?? new Date();

  let didDocument: unknown = null;
  let resolveError: string | null = null;
  try {
    didDocument = await options.resolveDidDocument(issuerDid);
  } catch (error) {
    resolveError = error instanceof Error ? error.message : String(error);
  }

  let issuer: VerificationCheck;
  let key: IssuerKey | null = null;
  if (resolveError !== null) issuer = failed('did_unresolvable', resolveError);
  else {
    const found = findIssuerKey({ issuerDid, kid: header.kid, iss: claims.iss, didDocument });
    key = found.key;
    issuer = found.ok ? passed(issuerDid) : failed(found.reason, found.detail);
  }
  const signature = key ? await checkSignature(jwt, header.alg, key) : skipped(issuer.reason);
  const validity = checkValidity(credential, claims, now, options.clockToleranceMs ?? 60_000);

  const isTrusted = issuer.outcome === 'pass' && signature.outcome === 'pass';
  let status: StatusCheck[] = [];
  if (isStatusChecked && isTrusted) {
    status = await checkStatusEntries(credential, {
      issuerDid,
      fetchStatusListCredential: (url) => options.fetchStatusListCredential(url),
      verifyStatusList: (listJwt) => verify(listJwt, { ...options, now }, false),
    });
  } else if (isStatusChecked) status = statusEntriesOf(credential).map(unCheckedStatus);

  const checks = { format: passed(), issuer, signature, validity, status };
  return { ...verdictOf(checks), checks, header, credential, issuer: issuerDid };
}

async function checkSignature(jwt: string, alg: string, key: IssuerKey): Promise<VerificationCheck> {
  try {
    const publicKey = await importJWK({ ...key.publicKeyJwk, alg }, alg);
    await compactVerify(jwt.trim(), publicKey, { algorithms: [alg] });
    return passed(key.id);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    // jose names a bad signature ERR_JWS_SIGNATURE_VERIFICATION_FAILED; anything else is the key.
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' || code === 'ERR_JWS_INVALID')
      return failed('bad_signature');
    return failed('unsupported_key', error instanceof Error ? error.message : String(error));
  }
}

function checkValidity(
  { validFrom, validUntil }: { validFrom?: string | undefined; validUntil?: string | undefined },
  claims: { nbf?: unknown; exp?: unknown },
  now: Date,
  toleranceMs: number,
): VerificationCheck {
  const t = now.getTime();
  const starts = [
    validFrom ? Date.parse(validFrom) : null,
    typeof claims.nbf === 'number' ? claims.nbf * 1000 : null,
  ];
  const ends = [
    validUntil ? Date.parse(validUntil) : null,
    typeof claims.exp === 'number' ? claims.exp * 1000 : null,
  ];
  if (starts.some((s) => s !== null && t + toleranceMs < s)) return failed('not_yet_valid', validFrom);
  if (ends.some((e) => e !== null && t > e)) return failed('expired', validUntil);
  return passed();
}

/** Worst first: untrustworthy → revoked → suspended → expired → valid. */
function verdictOf(
  checks: CredentialVerification['checks'],
): Pick<CredentialVerification, 'verdict' | 'reason'> {
  const integrity = [checks.format, checks.issuer, checks.signature].find((c) => c.outcome !== 'pass');
  if (integrity) return { verdict: 'invalid', reason: integrity.reason ?? 'not_checked' };
  if (checks.validity.reason === 'not_yet_valid') return { verdict: 'invalid', reason: 'not_yet_valid' };
  const statusFailures = checks.status.filter((s) => s.outcome === 'fail');
  const broken = statusFailures.find((s) => s.reason !== 'revoked' && s.reason !== 'suspended');
  if (broken) return { verdict: 'invalid', reason: broken.reason ?? 'not_checked' };
  const has = (reason: VerificationReason) => statusFailures.some((s) => s.reason === reason);
  if (has('revoked')) return { verdict: 'revoked', reason: 'revoked' };
  if (has('suspended')) return { verdict: 'suspended', reason: 'suspended' };
  if (checks.validity.outcome === 'fail') return { verdict: 'expired', reason: 'expired' };
  return { verdict: 'valid', reason: null };
}
