/**
 * Runs the shared verifier (`verifyCredentialJwt` from packages/core) in the browser. DID documents
 * and status lists are fetched where the credential says; URLs on this node's own origin (as its
 * did:web names it) are fetched same-origin, so verification also works behind the dev proxy or a
 * TLS-terminating load balancer.
 */
import {
  createHttpResolvers,
  didWebToUrl,
  verifyCredentialJwt,
  type CredentialVerification,
} from '@shuliu/core';

/** Verifies `jwt`; `nodeDid` is this node's DID (from /api/health) when known. */
export function verifyInBrowser(jwt: string, nodeDid: string | undefined): Promise<CredentialVerification> {
  let nodeOrigin = window.location.origin;
  if (nodeDid) {
    try {
      nodeOrigin = new URL(didWebToUrl(nodeDid)).origin;
    } catch {
      // Not a did:web DID: keep the page's origin.
    }
  }
  const fetchFn = (url: string, init?: RequestInit) => {
    const target = new URL(url, window.location.href);
    const local = target.origin === nodeOrigin || target.origin === window.location.origin;
    // Revalidate every time: a status list cached a minute ago would still show a revoked credential as valid.
    return fetch(local ? target.pathname + target.search : target.toString(), { ...init, cache: 'no-cache' });
  };
  return verifyCredentialJwt(jwt, createHttpResolvers(fetchFn));
}
