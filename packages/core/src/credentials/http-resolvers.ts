/**
 * The verifier's resolvers over HTTP(S): did:web documents and status list credentials fetched with
 * the `fetch` the caller passes (the browser's, Node's, or a test server's).
 */
import { VC_JWT_MEDIA_TYPE } from './credential.js';
import { didWebToUrl } from './did-web.js';
import type { VerifyCredentialOptions } from './verify-credential.js';

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/** Resolvers for `verifyCredentialJwt` that fetch over HTTP(S); only did:web DIDs resolve. */
export function createHttpResolvers(
  fetchFn: Fetch = (url, init) => fetch(url, init),
  options: { timeoutMs?: number } = {},
): Pick<VerifyCredentialOptions, 'resolveDidDocument' | 'fetchStatusListCredential'> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const get = async (url: string, accept: string) => {
    const res = await fetchFn(url, { headers: { accept }, signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) throw new Error(`HTTP ${res.status} from ${url}`);
    return res;
  };
  return {
    async resolveDidDocument(did) {
      const res = await get(didWebToUrl(did), 'application/did+json, application/json');
      return (await res.json()) as unknown;
    },
    async fetchStatusListCredential(url) {
      const res = await get(url, `${VC_JWT_MEDIA_TYPE}, application/jwt;q=0.9`);
      return (await res.text()).trim();
    },
  };
}
