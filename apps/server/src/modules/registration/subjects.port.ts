/**
 * What the registration engine needs from the modules that own registrable subjects (the registry
 * module owns data resources and products). The engine never touches their tables directly.
 */
import type { DataGrade, DataRight, SubjectKind } from '@shuliu/core';
import type { Tx } from '../../platform/db/database.js';

/** A subject as the engine sees it. */
export interface RegistrationSubject {
  kind: SubjectKind;
  id: string;
  organizationId: string;
  /** draft | registering | registered | cancelled | expired */
  status: string;
  name: string;
  grade: DataGrade;
  /** Rights claimed (resources) or relied on (products). */
  rights: DataRight[];
  /** The description as last saved by the holder: what a new case proposes. */
  description: Record<string, unknown>;
  /** The description as certified, null before the first certificate. */
  registeredDescription: Record<string, unknown> | null;
}

export interface SubjectsPort {
  /** Loads a subject and locks its row for the transaction; null when absent. */
  load(tx: Tx, kind: SubjectKind, id: string): Promise<RegistrationSubject | null>;
  /**
   * Checks that the subject's saved description is complete and lawful to submit (required fields,
   * naming rule, core grade refused, rights chain, API connectivity passed). Throws a 400/409 AppError.
   */
  checkSubmittable(tx: Tx, subject: RegistrationSubject): Promise<void>;
  /** Sets the subject's status (registering while a case is open; back to draft/registered when it ends). */
  setStatus(tx: Tx, kind: SubjectKind, id: string, status: string): Promise<void>;
  /** Records a certified description (and, for transfers, the new owner). */
  applyCertified(
    tx: Tx,
    kind: SubjectKind,
    id: string,
    certified: {
      description: Record<string, unknown>;
      contentHash: string;
      certificateId: string;
      organizationId: string;
    },
  ): Promise<void>;
}

/** Told, in the changing transaction, when a subject's registration changes (the catalog listens). */
export interface RegistrationListener {
  /** A new certificate version is in force for the subject. */
  onCertified(
    tx: Tx,
    event: { kind: SubjectKind; subjectId: string; certificateId: string; certificateNumber: string },
  ): Promise<void>;
  /** The subject's registration stopped being in force: suspended, revoked, cancelled or expired. */
  onSuspendedOrEnded(
    tx: Tx,
    event: {
      kind: SubjectKind;
      subjectId: string;
      reason: 'suspended' | 'revoked' | 'cancelled' | 'expired';
    },
  ): Promise<void>;
  /** A suspended registration is in force again. */
  onReinstated(tx: Tx, event: { kind: SubjectKind; subjectId: string }): Promise<void>;
}
