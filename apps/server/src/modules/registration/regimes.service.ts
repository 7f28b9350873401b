/**
 * Registration regimes (登记规则): one per subject kind, edited by the exchange admin with optimistic
 * concurrency; every edit is an event holding the settings before and after.
 */
import { DEFAULT_REGIMES, SUBJECT_KINDS, type RegimeSettings, type SubjectKind } from '@shuliu/core';
import { recordEvent } from '../../platform/events/events.js';
import { conflict } from '../../platform/http/errors.js';
import type { UserPrincipal } from '../../platform/http/principal.js';
import type { EngineDeps } from './engine.js';
import { EVENT_SUBJECTS, REGISTRATION_EVENTS as E } from './registration.events.js';
import { registrationRepository as repo, type RegimeRow } from './registration.repository.js';

/** A regime as presented: the stored row, or the defaults (version 0). */
export interface RegimeView {
  subjectKind: SubjectKind;
  settings: RegimeSettings;
  version: number;
  isDefault: boolean;
  updatedAt: Date | null;
}

const viewOf = (kind: SubjectKind, row: RegimeRow | undefined): RegimeView =>
  row
    ? {
        subjectKind: kind,
        settings: row.settings,
        version: row.version,
        isDefault: false,
        updatedAt: row.updatedAt,
      }
    : { subjectKind: kind, settings: DEFAULT_REGIMES[kind], version: 0, isDefault: true, updatedAt: null };

export function createRegimesService(deps: Pick<EngineDeps, 'db' | 'clock'>) {
  const { db, clock } = deps;
  return {
    /** Every regime in force. */
    async list(): Promise<RegimeView[]> {
      const rows = await repo.listRegimes(db);
      return SUBJECT_KINDS.map((k) =>
        viewOf(
          k,
          rows.find((r) => r.subjectKind === k),
        ),
      );
    },

    /** Replaces a regime's settings if `version` is the one in force (409 otherwise). */
    async update(
      principal: UserPrincipal,
      kind: SubjectKind,
      input: { settings: RegimeSettings; version: number },
      requestId: string | null,
    ): Promise<RegimeView> {
      return db.transaction(async (tx) => {
        const before = viewOf(kind, await repo.findRegime(tx, kind, true));
        if (before.version !== input.version)
          throw conflict('registration.regime.version_conflict', { current: before.version });
        const saved = await repo.saveRegime(tx, {
          subjectKind: kind,
          settings: input.settings,
          version: before.version + 1,
          updatedBy: principal.userId,
          updatedAt: clock.now(),
        });
        if (!saved) throw conflict('registration.regime.version_conflict', { current: before.version + 1 });
        await recordEvent(tx, clock, {
          type: E.regimeUpdated,
          actorId: principal.userId,
          subjectType: EVENT_SUBJECTS.regime,
          subjectId: kind,
          payload: {
            actorName: principal.displayName,
            before: before.settings,
            after: input.settings,
            version: saved.version,
          },
          requestId,
        });
        return viewOf(kind, saved);
      });
    },
  };
}

export type RegimesService = ReturnType<typeof createRegimesService>;
