/**
 * The result of verifying a credential: every check named, with a stable reason code, so the CLI,
 * the web app and peers can say exactly what failed (and in which language they like).
 */
import type { VerifiableCredential } from './credential.js';

/** Stable reason codes; `describeVerificationReason` has their zh/en text. */
export const VERIFICATION_REASONS = [
  // format
  'not_a_jwt',
  'bad_header',
  'unsupported_algorithm',
  'wrong_media_type',
  'missing_kid',
  'bad_payload',
  'bad_context',
  'bad_type',
  'bad_issuer',
  'bad_subject',
  'bad_date',
  // issuer and signature
  'did_unresolvable',
  'did_document_mismatch',
  'kid_not_issuer',
  'issuer_mismatch',
  'unknown_key',
  'not_assertion_method',
  'unsupported_key',
  'bad_signature',
  // validity
  'not_yet_valid',
  'expired',
  // status
  'bad_status_entry',
  'unsupported_status_type',
  'unsupported_status_size',
  'unsupported_status_purpose',
  'status_list_unavailable',
  'status_list_invalid',
  'status_list_issuer_mismatch',
  'status_purpose_mismatch',
  'index_out_of_range',
  'revoked',
  'suspended',
  // a check that did not run because an earlier one failed
  'not_checked',
  // a bug or an unexpected exception in the verifier or a resolver
  'verifier_error',
] as const;
export type VerificationReason = (typeof VERIFICATION_REASONS)[number];

/** How one check ended: `skip` when it could not or need not run. */
export type CheckOutcome = 'pass' | 'fail' | 'skip';

/** One named check. */
export interface VerificationCheck {
  outcome: CheckOutcome;
  reason?: VerificationReason;
  /** Extra facts for people (e.g. the failing field or the inner reason of a status list). */
  detail?: string;
}

/** The check of one `credentialStatus` entry. */
export interface StatusCheck extends VerificationCheck {
  purpose: string | null;
  statusListCredential: string | null;
  index: number | null;
  /** The bit read from the list, when it was read. */
  isSet: boolean | null;
}

/** The overall answer. `invalid` covers everything that is not a trustworthy credential. */
export const VERDICTS = ['valid', 'revoked', 'suspended', 'expired', 'invalid'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** What `verifyCredentialJwt` returns. */
export interface CredentialVerification {
  verdict: Verdict;
  /** The reason behind a verdict other than `valid`. */
  reason: VerificationReason | null;
  checks: {
    format: VerificationCheck;
    issuer: VerificationCheck;
    signature: VerificationCheck;
    validity: VerificationCheck;
    status: StatusCheck[];
  };
  /** The JOSE protected header, when it could be decoded. */
  header: Record<string, unknown> | null;
  /** The decoded credential (also for invalid ones, when well-formed), for display only. */
  credential: VerifiableCredential | null;
  /** The issuer's DID, when the credential names one. */
  issuer: string | null;
}

/** A check that passed. */
export const passed = (detail?: string): VerificationCheck =>
  detail ? { outcome: 'pass', detail } : { outcome: 'pass' };
/** A check that failed for `reason`. */
export const failed = (reason: VerificationReason, detail?: string): VerificationCheck =>
  detail ? { outcome: 'fail', reason, detail } : { outcome: 'fail', reason };
/** A check that did not run. */
export const skipped = (reason: VerificationReason = 'not_checked'): VerificationCheck => ({
  outcome: 'skip',
  reason,
});

/** A short printable form of any JSON value, for `detail`. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}
