/**
 * The node's credential issuer: signs W3C VC 2.0 credentials (JWT, EdDSA) with the node key, gives
 * each one an index in the current revocation and suspension status lists, flips those bits, and
 * signs the status list credentials verifiers fetch.
 */
import { randomUUID } from 'node:crypto';
import {
  buildStatusListCredential,
  encodeStatusList,
  MIN_STATUS_LIST_BITS,
  signCredentialJwt,
  statusEntryOf,
  toXsdDateTime,
  VC_V2_CONTEXT,
  type StatusPurpose,
  type VerifiableCredential,
} from '@shuliu/core';
import type { Clock } from '../clock.js';
import type { NodeKey } from '../crypto/node-key.js';
import type { Executor, Tx } from '../db/database.js';
import { badRequest, notFound } from '../http/errors.js';
import {
  allocateStatusIndex,
  findStatusList,
  findStatusListHead,
  writeStatusBit,
} from './status-lists.repository.js';

/** What `issue` signs. */
export interface IssueCredentialRequest {
  /** Credential types besides `VerifiableCredential`, e.g. `['ParticipantCredential']`. */
  types: string[];
  /** The `credentialSubject`: what the credential says, about whom (`id`). */
  subject: Record<string, unknown>;
  validUntil?: Date;
  /** The credential's id; a fresh `urn:uuid:` when absent. */
  id?: string;
}

/** What `issue` returns: the JWT to hand out and where its status bits live. */
export interface IssuedCredential {
  jwt: string;
  credential: VerifiableCredential;
  statusIndex: Record<StatusPurpose, number>;
  statusListIds: Record<StatusPurpose, string>;
}

/** A change of one credential's status. */
export interface SetStatusRequest {
  /** The status list's URL (the entry's `statusListCredential`) or its id (`stl_…`). */
  statusListCredential: string;
  index: number;
  purpose: StatusPurpose;
  /** true = revoked / suspended; false = clear (lifts a suspension). */
  value: boolean;
}

/** The issuer service other modules receive. */
export interface CredentialIssuer {
  /** Signs a credential, allocating its status indexes inside the caller's transaction. */
  issue(tx: Tx, request: IssueCredentialRequest): Promise<IssuedCredential>;
  /** Sets or clears a status bit; 404 for an unknown list, 400 for an index never handed out. */
  setStatus(db: Executor, request: SetStatusRequest): Promise<void>;
  /** The signed status list credential for list `id`, or null when there is no such list. */
  signedStatusList(db: Executor, id: string): Promise<string | null>;
  /** Public URL of status list `id`. */
  statusListUrl(id: string): string;
}

/** How long a signed status list stays valid, and how long we serve one copy before re-signing. */
const STATUS_LIST_VALIDITY_MS = 24 * 3600_000;
const STATUS_LIST_RESIGN_MS = 12 * 3600_000;
const STATUS_LIST_ID = /^stl_[0-9a-f]{32}$/;

/** Creates the issuer for this node. `listSizeBits` is for tests that fill lists (≥ the spec minimum). */
export function createCredentialIssuer(options: {
  nodeKey: NodeKey;
  publicUrl: string;
  clock: Clock;
  nodeName: string;
  listSizeBits?: number;
}): CredentialIssuer {
  const { nodeKey, clock } = options;
  const listSizeBits = options.listSizeBits ?? MIN_STATUS_LIST_BITS;
  const issuer = { id: nodeKey.did, name: options.nodeName };
  const statusListUrl = (id: string) => `${options.publicUrl}/api/credentials/status-lists/${id}`;
  const cache = new Map<string, { revision: number; jwt: string; signedAt: number }>();

  /** The list id in an id or a status list URL of this node. */
  const listIdOf = (reference: string): string => {
    const id = reference.startsWith(statusListUrl(''))
      ? reference.slice(statusListUrl('').length)
      : reference;
    const bare = id.split('#')[0] ?? id;
    if (!STATUS_LIST_ID.test(bare)) throw notFound('http.not_found', { statusList: reference });
    return bare;
  };

  return {
    statusListUrl,

    async issue(tx, request) {
      const now = clock.now();
      if (request.validUntil && request.validUntil.getTime() <= now.getTime())
        throw badRequest('http.validation_failed', { field: 'validUntil', problem: 'not after now' });
      // Always revocation first: one lock order, so concurrent issuers cannot deadlock.
      const revocation = await allocateStatusIndex(tx, 'revocation', listSizeBits, now);
      const suspension = await allocateStatusIndex(tx, 'suspension', listSizeBits, now);
      const credential: VerifiableCredential = {
        '@context': [VC_V2_CONTEXT],
        id: request.id ?? `urn:uuid:${randomUUID()}`,
        type: ['VerifiableCredential', ...request.types.filter((t) => t !== 'VerifiableCredential')],
        issuer,
        validFrom: toXsdDateTime(now),
        ...(request.validUntil ? { validUntil: toXsdDateTime(request.validUntil) } : {}),
        credentialSubject: request.subject,
        credentialStatus: [
          statusEntryOf(statusListUrl(revocation.listId), revocation.index, 'revocation'),
          statusEntryOf(statusListUrl(suspension.listId), suspension.index, 'suspension'),
        ],
      };
      const jwt = await signCredentialJwt(credential, nodeKey);
      return {
        jwt,
        credential,
        statusIndex: { revocation: revocation.index, suspension: suspension.index },
        statusListIds: { revocation: revocation.listId, suspension: suspension.listId },
      };
    },

    async setStatus(db, request) {
      const listId = listIdOf(request.statusListCredential);
      if (!Number.isSafeInteger(request.index) || request.index < 0)
        throw badRequest('http.validation_failed', { field: 'index', index: request.index });
      const isChanged = await writeStatusBit(db, {
        listId,
        purpose: request.purpose,
        index: request.index,
        value: request.value,
        now: clock.now(),
      });
      if (isChanged) return;
      const head = await findStatusListHead(db, listId);
      if (!head)
        throw notFound('credentials.status_list.not_found', { statusList: request.statusListCredential });
      throw badRequest(
        head.purpose === request.purpose
          ? 'credentials.status.index_not_issued'
          : 'credentials.status.purpose_mismatch',
        { statusList: listId, purpose: head.purpose, index: request.index },
      );
    },

    async signedStatusList(db, id) {
      if (!STATUS_LIST_ID.test(id)) return null;
      const now = clock.now();
      const head = await findStatusListHead(db, id);
      if (!head) return null;
      const cached = cache.get(id);
      const isFresh = (signedAt: number) =>
        now.getTime() >= signedAt && now.getTime() - signedAt < STATUS_LIST_RESIGN_MS;
      if (cached && cached.revision === head.revision && isFresh(cached.signedAt)) return cached.jwt;
      // Read bits and revision together, so the cache key matches the bits signed.
      const list = await findStatusList(db, id);
      if (!list) return null;
      const credential = buildStatusListCredential({
        listUrl: statusListUrl(id),
        issuer,
        statusPurpose: list.purpose,
        encodedList: encodeStatusList(list.bits),
        validFrom: now,
        validUntil: new Date(now.getTime() + STATUS_LIST_VALIDITY_MS),
      });
      const jwt = await signCredentialJwt(credential, nodeKey);
      cache.set(id, { revision: list.revision, jwt, signedAt: now.getTime() });
      return jwt;
    },
  };
}
