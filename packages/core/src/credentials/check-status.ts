/**
 * Checking `credentialStatus` entries against Bitstring Status List credentials (spec §3.2): fetch
 * the list credential, verify it is the same issuer's, signed and current, then read the bit.
 */
import { issuerIdOf, type VerifiableCredential } from './credential.js';
import { decodeStatusList, getStatusBit, statusListLength } from './status-list.js';
import {
  showValue,
  type CredentialVerification,
  type StatusCheck,
  type VerificationReason,
} from './verification.js';

/** What checking statuses needs from the caller. */
export interface StatusCheckContext {
  issuerDid: string;
  /** Fetches the status list credential (a VC JWT) at `url`. */
  fetchStatusListCredential(url: string): Promise<string>;
  /** Verifies a status list credential (signature, issuer, validity; not its own status). */
  verifyStatusList(jwt: string): Promise<CredentialVerification>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `credentialStatus` entries of `credential`, whatever their shape (validated per entry later). */
export function statusEntriesOf(credential: VerifiableCredential): unknown[] {
  const status: unknown = credential.credentialStatus;
  if (status === undefined) return [];
  return Array.isArray(status) ? status : [status];
}

/** A status check that did not run because the credential already failed. */
export function unCheckedStatus(entry: unknown): StatusCheck {
  const e = isRecord(entry) ? entry : {};
  return {
    outcome: 'skip',
    reason: 'not_checked',
    purpose: typeof e.statusPurpose === 'string' ? e.statusPurpose : null,
    statusListCredential: typeof e.statusListCredential === 'string' ? e.statusListCredential : null,
    index: null,
    isSet: null,
  };
}

function parseIndex(value: unknown): number | null {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^\d{1,15}$/.test(text)) return null;
  return Number(text);
}

/** Checks every status entry; entries sharing a list URL fetch and verify it once. */
export async function checkStatusEntries(
  credential: VerifiableCredential,
  context: StatusCheckContext,
): Promise<StatusCheck[]> {
  const lists = new Map<string, Promise<ListOutcome>>();
  const listAt = (url: string) => {
    let list = lists.get(url);
    if (!list) {
      list = loadList(url, context);
      lists.set(url, list);
    }
    return list;
  };
  return Promise.all(statusEntriesOf(credential).map((entry) => checkEntry(entry, listAt)));
}

type ListOutcome =
  | { ok: true; purpose: string; bits: Uint8Array }
  | { ok: false; reason: VerificationReason; detail?: string };

async function loadList(url: string, context: StatusCheckContext): Promise<ListOutcome> {
  let jwt: string;
  try {
    jwt = await context.fetchStatusListCredential(url);
  } catch (error) {
    return { ok: false, reason: 'status_list_unavailable', detail: messageOf(error) };
  }
  const verified = await context.verifyStatusList(jwt);
  const list = verified.credential;
  if (verified.verdict !== 'valid' || !list)
    return { ok: false, reason: 'status_list_invalid', detail: verified.reason ?? verified.verdict };
  if (!list.type.includes('BitstringStatusListCredential'))
    return { ok: false, reason: 'status_list_invalid', detail: 'type' };
  // A list published for another URL (an old copy, or another list of the issuer) must not answer.
  if (list.id !== undefined && list.id !== url)
    return { ok: false, reason: 'status_list_invalid', detail: 'id' };
  if (issuerIdOf(list.issuer) !== context.issuerDid)
    return { ok: false, reason: 'status_list_issuer_mismatch', detail: issuerIdOf(list.issuer) };
  const subject = Array.isArray(list.credentialSubject) ? list.credentialSubject[0] : list.credentialSubject;
  if (!subject || subject.type !== 'BitstringStatusList' || typeof subject.encodedList !== 'string')
    return { ok: false, reason: 'status_list_invalid', detail: 'credentialSubject' };
  if (typeof subject.statusPurpose !== 'string')
    return { ok: false, reason: 'status_list_invalid', detail: 'statusPurpose' };
  try {
    return { ok: true, purpose: subject.statusPurpose, bits: decodeStatusList(subject.encodedList) };
  } catch (error) {
    return { ok: false, reason: 'status_list_invalid', detail: `encodedList: ${messageOf(error)}` };
  }
}

async function checkEntry(
  entry: unknown,
  listAt: (url: string) => Promise<ListOutcome>,
): Promise<StatusCheck> {
  const base = unCheckedStatus(entry);
  const result = (
    outcome: StatusCheck['outcome'],
    reason?: VerificationReason,
    extra: Partial<StatusCheck> = {},
  ): StatusCheck => {
    const { reason: _unused, ...rest } = base;
    return { ...rest, outcome, ...(reason ? { reason } : {}), ...extra };
  };
  if (!isRecord(entry)) return result('fail', 'bad_status_entry');
  if (entry.type !== 'BitstringStatusListEntry')
    return result('fail', 'unsupported_status_type', { detail: showValue(entry.type) });
  const index = parseIndex(entry.statusListIndex);
  const { statusPurpose: purpose, statusListCredential: url } = entry;
  if (index === null || typeof purpose !== 'string' || typeof url !== 'string' || !URL.canParse(url))
    return result('fail', 'bad_status_entry');
  if (entry.statusSize !== undefined && entry.statusSize !== 1)
    return result('fail', 'unsupported_status_size', { index, detail: showValue(entry.statusSize) });
  // Other purposes (refresh, message) say nothing about validity.
  if (purpose !== 'revocation' && purpose !== 'suspension')
    return result('skip', 'unsupported_status_purpose', { index });

  const list = await listAt(url);
  if (!list.ok)
    return result('fail', list.reason, { index, ...(list.detail ? { detail: list.detail } : {}) });
  if (list.purpose !== purpose)
    return result('fail', 'status_purpose_mismatch', { index, detail: list.purpose });
  if (index >= statusListLength(list.bits))
    return result('fail', 'index_out_of_range', { index, detail: String(statusListLength(list.bits)) });
  const isSet = getStatusBit(list.bits, index);
  if (!isSet) return result('pass', undefined, { index, isSet });
  return result('fail', purpose === 'revocation' ? 'revoked' : 'suspended', { index, isSet });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
