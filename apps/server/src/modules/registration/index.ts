/**
 * The registration engine (登记): one engine, several regimes. Cases for data resources and products
 * (initial, change, correction, transfer, renewal, cancellation), compliance review, publicity with
 * objections on durable timers, and certificates as verifiable credentials. The subjects come through
 * the `SubjectsPort` (registry) and changes are told to a `RegistrationListener` (catalog).
 */
import type { CredentialIssuer } from '../../platform/credentials/index.js';
import type { PlatformDeps } from '../../platform/deps.js';
import type { AccountsModule } from '../accounts/index.js';
import type { AttachmentsService } from '../attachments/index.js';
import type { ParticipantsModule } from '../participants/index.js';
import { createCaseQueries } from './case-queries.service.js';
import { createCasesService } from './cases.service.js';
import { casesRoutes } from './cases.routes.js';
import { createCertificatesService } from './certificates.service.js';
import type { EngineDeps, HoldersPort } from './engine.js';
import { createPublicityService } from './publicity.service.js';
import { publicRoutes } from './public.routes.js';
import { createRegimesService } from './regimes.service.js';
import { REGISTRATION_QUEUES as Q } from './registration.events.js';
import { createReviewService } from './review.service.js';
import type { RegistrationListener, SubjectsPort } from './subjects.port.js';

export type { RegistrationListener, RegistrationSubject, SubjectsPort } from './subjects.port.js';
export type { CertificateRow } from './registration.repository.js';
export { contentHashOf } from './engine.js';
export { publicityEndOf } from './publicity.js';

/** Wires the registration engine. */
export function registerRegistration(
  deps: PlatformDeps,
  modules: {
    subjects: SubjectsPort;
    listener: RegistrationListener;
    participants: ParticipantsModule;
    accounts: AccountsModule;
    attachments: AttachmentsService;
    issuer: CredentialIssuer;
  },
) {
  const holders: HoldersPort = {
    async holderOf(db, organizationId) {
      const p = await modules.participants.participants.ofOrganization(db, organizationId);
      return p
        ? {
            participantId: p.id,
            organizationId: p.organizationId,
            name: p.name,
            creditCode: p.creditCode,
            roles: p.roles,
            status: p.status,
          }
        : null;
    },
  };
  const engine: EngineDeps = {
    db: deps.database.db,
    clock: deps.clock,
    jobs: deps.jobs,
    log: deps.log,
    subjects: modules.subjects,
    listener: modules.listener,
    holders,
    memberships: modules.accounts.organizations,
    attachments: modules.attachments,
    issuer: modules.issuer,
    nodePrefix: deps.config.node.SHULIU_NODE_PREFIX,
    publicUrl: deps.publicUrl,
    dayMs: deps.config.registration.SHULIU_PUBLICITY_DAY_MS,
  };
  const regimes = createRegimesService(engine);
  const publicity = createPublicityService(engine);
  const cases = createCasesService(engine, publicity);
  const review = createReviewService(engine);
  const queries = createCaseQueries(engine);
  const certificates = createCertificatesService(engine);
  const service = { regimes, cases, review, publicity, queries, certificates };
  return {
    routers: [
      casesRoutes({ cases, review, publicity, queries }),
      publicRoutes({ regimes, publicity, cases, certificates }),
    ],
    service,
    /** Background work: the publicity-end jobs, the minute sweep and the daily expiry. */
    async start() {
      await deps.jobs.work<{ caseId: string }>(Q.publicityEnd, async ({ caseId }) => {
        await certificates.certifyIfDue(caseId);
      });
      await deps.jobs.work(Q.publicitySweep, async () => {
        const n = await certificates.sweepPublicity();
        if (n > 0) deps.log.info('publicity sweep certified cases', { count: n });
      });
      await deps.jobs.schedule(Q.publicitySweep, '* * * * *');
      await deps.jobs.work(Q.expiry, async () => {
        const n = await certificates.expireDue();
        deps.log.info('expired registration certificates', { count: n });
      });
      // 00:05 China Standard Time.
      await deps.jobs.schedule(Q.expiry, '5 16 * * *');
    },
  };
}

export type RegistrationModule = ReturnType<typeof registerRegistration>['service'];
