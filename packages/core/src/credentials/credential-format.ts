/**
 * Decoding a VC JWT without trusting it: split, base64url-decode, check the JOSE header and the
 * credential's required members. Returns a reason code instead of throwing.
 */
import { base64url } from 'jose';
import { VC_V2_CONTEXT, type VerifiableCredential } from './credential.js';
import { showValue, type VerificationReason } from './verification.js';

/** Signature algorithms accepted: Ed25519 under its polymorphic and its fully-specified name. */
export const ACCEPTED_ALGORITHMS = ['EdDSA', 'Ed25519'] as const;

/** A decoded, well-formed (not yet verified) VC JWT. */
export interface DecodedCredentialJwt {
  header: Record<string, unknown> & { alg: string; kid: string };
  credential: VerifiableCredential;
  /** Registered JWT claims that may sit beside the credential members (`iss`, `nbf`, `exp`). */
  claims: { iss?: unknown; nbf?: unknown; exp?: unknown };
}

/** Either the decoded JWT, or why it is malformed (with the header/payload that could be read). */
export type DecodeResult =
  | { ok: true; value: DecodedCredentialJwt }
  | {
      ok: false;
      reason: VerificationReason;
      detail?: string;
      header: Record<string, unknown> | null;
      payload: Record<string, unknown> | null;
    };

const SEGMENT = /^[A-Za-z0-9_-]+$/;
// xsd:dateTime with a mandatory time zone: a date without one would depend on the verifier's zone.
const DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodeJsonSegment(segment: string): Record<string, unknown> | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(base64url.decode(segment));
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

/** True for a valid xsd:dateTime with time zone. */
export function isDateTime(value: unknown): value is string {
  return typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

/** Decodes `jwt` and checks its shape; never throws. */
export function decodeCredentialJwt(jwt: unknown): DecodeResult {
  const fail = (
    reason: VerificationReason,
    header: Record<string, unknown> | null = null,
    payload: Record<string, unknown> | null = null,
    detail?: string,
  ): DecodeResult => ({ ok: false, reason, header, payload, ...(detail ? { detail } : {}) });

  if (typeof jwt !== 'string') return fail('not_a_jwt');
  const parts = jwt.trim().split('.');
  const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
  // An empty signature is let through here so that `alg: none` is named as such below.
  const isShapeOk =
    parts.length === 3 &&
    SEGMENT.test(headerPart) &&
    SEGMENT.test(payloadPart) &&
    /^[\w-]*$/.test(signaturePart);
  if (!isShapeOk) return fail('not_a_jwt');
  const header = decodeJsonSegment(headerPart);
  if (!header) return fail('bad_header');
  const payload = decodeJsonSegment(payloadPart);
  // Extensions (`crit`, RFC 7797 `b64`) change what the signature covers; VC-JOSE-COSE needs none.
  if (header.crit !== undefined || header.b64 !== undefined) return fail('bad_header', header, payload);
  const { alg, kid, typ } = header;
  if (typeof alg !== 'string' || !(ACCEPTED_ALGORITHMS as readonly string[]).includes(alg))
    return fail('unsupported_algorithm', header, payload, showValue(alg));
  if (typ !== undefined && !(typeof typ === 'string' && /^(application\/)?vc\+jwt$/i.test(typ)))
    return fail('wrong_media_type', header, payload, showValue(typ));
  if (typeof kid !== 'string' || kid === '') return fail('missing_kid', header, payload);
  if (!payload) return fail('bad_payload', header);

  const context = payload['@context'];
  if (!Array.isArray(context) || context[0] !== VC_V2_CONTEXT) return fail('bad_context', header, payload);
  const type = typeof payload.type === 'string' ? [payload.type] : payload.type;
  if (
    !Array.isArray(type) ||
    !type.every((t) => typeof t === 'string') ||
    !type.includes('VerifiableCredential')
  )
    return fail('bad_type', header, payload);
  const issuer = payload.issuer;
  const isIssuerOk =
    (typeof issuer === 'string' && issuer !== '') ||
    (isRecord(issuer) && typeof issuer.id === 'string' && issuer.id !== '');
  if (!isIssuerOk) return fail('bad_issuer', header, payload);
  const subject = payload.credentialSubject;
  const isSubjectOk =
    isRecord(subject) || (Array.isArray(subject) && subject.length > 0 && subject.every(isRecord));
  if (!isSubjectOk) return fail('bad_subject', header, payload);
  for (const field of ['validFrom', 'validUntil'] as const) {
    if (payload[field] !== undefined && !isDateTime(payload[field]))
      return fail('bad_date', header, payload, field);
  }
  for (const field of ['nbf', 'exp'] as const) {
    if (payload[field] !== undefined && typeof payload[field] !== 'number')
      return fail('bad_date', header, payload, field);
  }

  const credential = { ...payload, type } as VerifiableCredential;
  return {
    ok: true,
    value: {
      header: { ...header, alg, kid },
      credential,
      claims: { iss: payload.iss, nbf: payload.nbf, exp: payload.exp },
    },
  };
}
