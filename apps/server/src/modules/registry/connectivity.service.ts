/**
 * Runs the connectivity test of an API product and records the result (and an event) on the
 * product. The result carries the hash of the description tested, so any later change makes it
 * stale and submission asks for a new test.
 */
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { recordEvent } from '../../platform/events/events.js';
import { badRequest, forbidden } from '../../platform/http/errors.js';
import type { UserPrincipal } from '../../platform/http/principal.js';
import { probeEndpoint } from './connectivity.js';
import { readProductDraft } from './registry.columns.js';
import { descriptionHash } from './registry.checks.js';
import { REGISTRY_EVENTS, SUBJECT_TYPES } from './registry.events.js';
import { registryRepository as repo } from './registry.repository.js';
import type { Connectivity } from './registry.schemas.js';
import type { RegistryService } from './registry.service.js';

export function createConnectivityService(deps: {
  db: Db;
  clock: Clock;
  registry: RegistryService;
  allowPrivate: boolean;
  timeoutMs: number;
}) {
  const { db, clock } = deps;
  return {
    /** Tests the saved endpoint of a product of the caller's organization. */
    async test(principal: UserPrincipal, id: string, requestId: string | null) {
      // Read (and authorize) first, probe outside any transaction, then record under a lock.
      const { row, access } = await deps.registry.get('product', principal, id);
      if (access !== 'member') throw forbidden();
      const api = readProductDraft(row.description).api;
      const endpoint = api?.endpoint;
      const method = api?.method ?? 'GET';
      if (!endpoint) throw badRequest('registry.connectivity.no_endpoint', { field: 'api.endpoint' });
      const probe = await probeEndpoint(endpoint, method, {
        allowPrivate: deps.allowPrivate,
        timeoutMs: deps.timeoutMs,
      });
      return db.transaction(async (tx) => {
        const current = await deps.registry.loadForChange(tx, 'product', principal, id);
        const result: Connectivity = {
          ...probe,
          testedAt: clock.now().toISOString(),
          // Tie the result to what was tested; a save in between leaves it stale, as it should.
          descriptionHash: descriptionHash(row.description),
        };
        const updated = await repo.setConnectivity(tx, id, result);
        if (!updated) throw new Error('product update returned nothing');
        await recordEvent(tx, clock, {
          type: REGISTRY_EVENTS.product.connectivityTested,
          actorId: principal.userId,
          organizationId: current.organizationId,
          subjectType: SUBJECT_TYPES.product,
          subjectId: id,
          payload: { ...result },
          requestId,
        });
        return updated;
      });
    },
  };
}

export type ConnectivityService = ReturnType<typeof createConnectivityService>;
