/**
 * The registry's side of the SubjectsPort: the registration engine loads, checks, locks and
 * certifies resources and products through it, inside its own transaction, and never touches
 * these tables itself.
 */
import { isOneOf, type SubjectKind } from '@shuliu/core';
import type { Clock } from '../../platform/clock.js';
import type { Tx } from '../../platform/db/database.js';
import { recordEvent } from '../../platform/events/events.js';
import { badRequest, notFound } from '../../platform/http/errors.js';
import type { RegistrationSubject, SubjectsPort } from '../registration/index.js';
import { checkProductSubmittable, checkResourceSubmittable } from './registry.checks.js';
import { chainRights, gradeOf, readProductDraft } from './registry.columns.js';
import { REGISTRY_EVENTS, SUBJECT_TYPES } from './registry.events.js';
import { tableOf, type SubjectRow } from './registry.kinds.js';
import type { ResourceRow } from './registry.repository.js';
import { SUBJECT_STATUSES } from './registry.schemas.js';
import type { RegistryPorts } from './registry.service.js';

const isResourceRow = (kind: SubjectKind, _row: SubjectRow): _row is ResourceRow => kind === 'resource';

function toSubject(kind: SubjectKind, row: SubjectRow): RegistrationSubject {
  return {
    kind,
    id: row.id,
    organizationId: row.organizationId,
    status: row.status,
    name: row.name,
    grade: gradeOf(row.grade),
    rights: isResourceRow(kind, row)
      ? (row.rights as RegistrationSubject['rights'])
      : chainRights(readProductDraft(row.registeredDescription ?? row.description)),
    description: row.description,
    registeredDescription: row.registeredDescription ?? null,
  };
}

/** Builds the SubjectsPort over the registry's tables. */
export function createSubjectsPort(deps: { clock: Clock; ports: RegistryPorts }): SubjectsPort {
  const { clock, ports } = deps;

  async function locked(tx: Tx, kind: SubjectKind, id: string): Promise<SubjectRow> {
    const table = tableOf(kind);
    const row = await table.find(tx, id, true);
    if (!row) throw notFound(table.notFound);
    return row;
  }

  return {
    async load(tx, kind, id) {
      const row = await tableOf(kind).find(tx, id, true);
      return row ? toSubject(kind, row) : null;
    },

    async checkSubmittable(tx, subject) {
      const row = await locked(tx, subject.kind, subject.id);
      if (isResourceRow(subject.kind, row)) await checkResourceSubmittable(ports, tx, row);
      else await checkProductSubmittable(ports, tx, row);
    },

    async setStatus(tx, kind, id, status) {
      if (!isOneOf(SUBJECT_STATUSES, status))
        throw badRequest('http.validation_failed', {
          issues: [{ path: 'status', message: 'unknown status' }],
        });
      const row = await locked(tx, kind, id);
      if (row.status === status) return;
      await tableOf(kind).update(tx, id, { status, updatedAt: clock.now() }, null);
      await recordEvent(tx, clock, {
        type: REGISTRY_EVENTS[kind].statusChanged,
        organizationId: row.organizationId,
        subjectType: SUBJECT_TYPES[kind],
        subjectId: id,
        payload: { from: row.status, to: status },
      });
    },

    async applyCertified(tx, kind, id, certified) {
      const row = await locked(tx, kind, id);
      await tableOf(kind).update(
        tx,
        id,
        {
          status: 'registered',
          description: certified.description,
          registeredDescription: certified.description,
          contentHash: certified.contentHash,
          currentCertificateId: certified.certificateId,
          organizationId: certified.organizationId,
          updatedAt: clock.now(),
        },
        certified.description,
      );
      await recordEvent(tx, clock, {
        type: REGISTRY_EVENTS[kind].certified,
        organizationId: certified.organizationId,
        subjectType: SUBJECT_TYPES[kind],
        subjectId: id,
        payload: {
          certificateId: certified.certificateId,
          contentHash: certified.contentHash,
          ...(row.organizationId !== certified.organizationId ? { transferredFrom: row.organizationId } : {}),
        },
      });
    },
  };
}
