/**
 * Verifiable credentials issued by this node (W3C VC 2.0 as JWTs) and their Bitstring Status Lists.
 * Modules issue and revoke through the `CredentialIssuer` they receive; verifiers use the public
 * status list routes and the node's did:web document.
 */
import type { PlatformDeps } from '../deps.js';
import { createCredentialIssuer } from './credential-issuer.js';
import { credentialsRoutes } from './credentials.routes.js';

export type {
  CredentialIssuer,
  IssueCredentialRequest,
  IssuedCredential,
  SetStatusRequest,
} from './credential-issuer.js';

/** Creates the node's credential issuer and the router serving its status lists. */
export function registerCredentials(deps: PlatformDeps) {
  const issuer = createCredentialIssuer({
    nodeKey: deps.nodeKey,
    publicUrl: deps.publicUrl,
    clock: deps.clock,
    nodeName: deps.config.node.SHULIU_NODE_NAME,
  });
  return { router: credentialsRoutes(deps.database.db, issuer), issuer };
}
