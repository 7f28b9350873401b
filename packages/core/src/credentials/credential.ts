/**
 * The shape of W3C Verifiable Credentials 2.0 as Shuliu issues them, secured as JWTs per
 * VC-JOSE-COSE (the JWT payload is the credential itself), and the Bitstring Status List pieces.
 * https://www.w3.org/TR/vc-data-model-2.0/ · https://www.w3.org/TR/vc-jose-cose/
 */

/** The base context every VC 2.0 credential starts with. */
export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

/** JOSE `typ` and `cty` of a credential secured as a JWT. */
export const VC_JWT_TYP = 'vc+jwt';
export const VC_JWT_CTY = 'vc';

/** Media type of a credential secured as a JWT (served by status list endpoints). */
export const VC_JWT_MEDIA_TYPE = 'application/vc+jwt';

/** Status purposes this platform issues and acts on. */
export const STATUS_PURPOSES = ['revocation', 'suspension'] as const;
export type StatusPurpose = (typeof STATUS_PURPOSES)[number];

/** The issuer: a DID, optionally with a display name. */
export type CredentialIssuer = string | { id: string; name?: string; [key: string]: unknown };

/** One `credentialStatus` entry pointing into a Bitstring Status List. */
export interface BitstringStatusListEntry {
  /** `<statusListCredential>#<index>` */
  id?: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: string;
  /** Decimal string, per the spec (an integer is tolerated on input). */
  statusListIndex: string;
  /** URL of the status list credential. */
  statusListCredential: string;
  statusSize?: number;
}

/** A VC 2.0 credential (the JWT payload). Unknown members are kept as they are. */
export interface VerifiableCredential {
  '@context': string[];
  id?: string;
  type: string[];
  issuer: CredentialIssuer;
  validFrom?: string;
  validUntil?: string;
  credentialSubject: Record<string, unknown> | Record<string, unknown>[];
  credentialStatus?: BitstringStatusListEntry | BitstringStatusListEntry[];
  [key: string]: unknown;
}

/** The issuer's DID (or URL) whatever form `issuer` takes. */
export function issuerIdOf(issuer: CredentialIssuer): string {
  return typeof issuer === 'string' ? issuer : issuer.id;
}

/** The `credentialStatus` entry for `index` in the status list credential at `listUrl`. */
export function statusEntryOf(
  listUrl: string,
  index: number,
  statusPurpose: StatusPurpose,
): BitstringStatusListEntry {
  return {
    id: `${listUrl}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose,
    statusListIndex: String(index),
    statusListCredential: listUrl,
  };
}

/** The unsigned status list credential for the list published at `listUrl`. */
export function buildStatusListCredential(options: {
  listUrl: string;
  issuer: CredentialIssuer;
  statusPurpose: StatusPurpose;
  encodedList: string;
  validFrom: Date;
  validUntil?: Date;
}): VerifiableCredential {
  return {
    '@context': [VC_V2_CONTEXT],
    id: options.listUrl,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: options.issuer,
    validFrom: toXsdDateTime(options.validFrom),
    ...(options.validUntil ? { validUntil: toXsdDateTime(options.validUntil) } : {}),
    credentialSubject: {
      id: `${options.listUrl}#list`,
      type: 'BitstringStatusList',
      statusPurpose: options.statusPurpose,
      encodedList: options.encodedList,
    },
  };
}

/** `validFrom`/`validUntil` form: UTC, whole seconds (what people and most verifiers expect). */
export function toXsdDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
