/**
 * did:web resolution (https://w3c-ccg.github.io/did-method-web/): a DID names a URL from which its
 * document is fetched. Only the mapping lives here; fetching is the caller's (server, CLI, browser).
 */

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * URL of the DID document of a did:web DID: `did:web:example.com` → `https://example.com/.well-known/did.json`,
 * `did:web:example.com:a:b` → `https://example.com/a/b/did.json`. Plain http only for loopback hosts,
 * so a local node can be verified without a certificate. Throws `TypeError` for other DIDs.
 * @example didWebToUrl('did:web:localhost%3A8080') // 'http://localhost:8080/.well-known/did.json'
 */
export function didWebToUrl(did: string): string {
  const bare = did.split(/[#?]/)[0] ?? '';
  const [scheme, method, host, ...path] = bare.split(':');
  if (scheme !== 'did' || method !== 'web' || !host) throw new TypeError(`not a did:web DID: ${did}`);
  const hostname = decodeSegment(host, did);
  if (/[/?#@\s\\]/.test(hostname)) throw new TypeError(`not a did:web DID: ${did}`);
  const name = hostname.replace(/:\d+$/, '').toLowerCase();
  const protocol = LOOPBACK_HOSTS.has(name) ? 'http' : 'https';
  const segments = path.map((segment) => {
    const decoded = decodeSegment(segment, did);
    if (!decoded || decoded === '.' || decoded === '..' || /[/\\]/.test(decoded))
      throw new TypeError(`not a did:web DID: ${did}`);
    return encodeURIComponent(decoded);
  });
  const url = new URL(`${protocol}://${hostname}`);
  url.pathname = segments.length ? `/${segments.join('/')}/did.json` : '/.well-known/did.json';
  return url.toString();
}

function decodeSegment(segment: string, did: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new TypeError(`not a did:web DID: ${did}`);
  }
}

/** The DID part of a DID URL (`did:web:x#key-1` → `did:web:x`). */
export function didOf(didUrl: string): string {
  return didUrl.split('#')[0] ?? didUrl;
}
