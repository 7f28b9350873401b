/**
 * The participants module (一主体一登记): registration applications, review, the participant directory
 * and participant credentials.
 */
import type { PlatformDeps } from '../../platform/deps.js';
import type { AccountsModule } from '../accounts/index.js';
import type { AttachmentsService } from '../attachments/index.js';
import { createApplicationsService } from './applications.service.js';
import { participantsRoutes } from './participants.routes.js';
import { createParticipantsService, type CredentialIssuerPort } from './participants.service.js';

export type { CredentialIssuerPort } from './participants.service.js';

/** Wires the participants module. */
export function registerParticipants(
  deps: PlatformDeps,
  modules: { accounts: AccountsModule; attachments: AttachmentsService; issuer: CredentialIssuerPort },
) {
  const db = deps.database.db;
  const participants = createParticipantsService({
    db,
    clock: deps.clock,
    issuer: modules.issuer,
    organizations: modules.accounts.organizations,
    nodePrefix: deps.config.node.SHULIU_NODE_PREFIX,
    publicUrl: deps.publicUrl,
  });
  const applications = createApplicationsService({
    db,
    clock: deps.clock,
    organizations: modules.accounts.organizations,
    attachments: modules.attachments,
    registerParticipant: participants.register,
  });
  return { router: participantsRoutes(applications, participants), service: { applications, participants } };
}

export type ParticipantsModule = ReturnType<typeof registerParticipants>['service'];
