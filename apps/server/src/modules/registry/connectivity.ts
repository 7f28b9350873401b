/**
 * The online connectivity test of API products (exchanges require it before review). The platform
 * makes a request on the holder's behalf, so it guards against SSRF: only http(s), and by default
 * no private, loopback, link-local or otherwise internal address; the address checked is the one
 * connected to (pinned), so DNS rebinding between check and connect cannot slip through.
 */
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';
import { AppError, badRequest } from '../../platform/http/errors.js';

/** What one test observed. */
export interface ProbeResult {
  ok: boolean;
  endpoint: string;
  statusCode: number | null;
  latencyMs: number;
  contentType: string | null;
  error: string | null;
}

const internal = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  internal.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  internal.addSubnet(net, prefix, 'ipv6');

/** True for addresses that are not on the public internet (RFC 1918, loopback, link-local, ULA…). */
export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return internal.check(mapped[1], 'ipv4');
  const family = isIP(address);
  if (family === 4) return internal.check(address, 'ipv4');
  if (family === 6) return internal.check(address, 'ipv6');
  return true;
}

/** Parses an endpoint, refusing anything but http(s) with 400. */
export function parseEndpoint(endpoint: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw badRequest('registry.connectivity.bad_url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw badRequest('registry.connectivity.bad_url');
  if (url.username || url.password) throw badRequest('registry.connectivity.bad_url');
  return url;
}

/**
 * Requests `endpoint` once (no redirects followed) and reports status, latency and content type.
 * Network failures are results (ok false), not errors; an internal address is a 400 unless allowed.
 */
export async function probeEndpoint(
  endpoint: string,
  method: 'GET' | 'POST',
  options: { allowPrivate: boolean; timeoutMs: number },
): Promise<ProbeResult> {
  const url = parseEndpoint(endpoint);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const started = performance.now();
  const failed = (error: string): ProbeResult => ({
    ok: false,
    endpoint,
    statusCode: null,
    latencyMs: Math.round(performance.now() - started),
    contentType: null,
    error,
  });
  let address: { address: string; family: number };
  if (isIP(host)) address = { address: host, family: isIP(host) };
  else {
    try {
      const all = await lookup(host, { all: true });
      if (!options.allowPrivate && all.some((a) => isInternalAddress(a.address)))
        throw badRequest('registry.connectivity.private_address');
      const first = all[0];
      if (!first) return failed('dns: no address');
      address = first;
    } catch (error) {
      if (error instanceof AppError) throw error;
      return failed(`dns: ${(error as { code?: string }).code ?? 'lookup failed'}`);
    }
  }
  if (!options.allowPrivate && isInternalAddress(address.address))
    throw badRequest('registry.connectivity.private_address');

  const client = url.protocol === 'https:' ? https : http;
  return new Promise<ProbeResult>((resolve) => {
    const request = client.request(
      url,
      {
        method,
        headers: {
          accept: 'application/json, */*;q=0.5',
          'user-agent': 'Shuliu-connectivity-test/1',
          ...(method === 'POST' ? { 'content-type': 'application/json', 'content-length': '2' } : {}),
        },
        timeout: options.timeoutMs,
        signal: AbortSignal.timeout(options.timeoutMs),
        // Connect to the address checked above, never a fresh (possibly rebound) DNS answer.
        lookup: (_host, opts, callback) => {
          if ((opts as { all?: boolean }).all)
            (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [address]);
          else callback(null, address.address, address.family);
        },
      },
      (response) => {
        const statusCode = response.statusCode ?? null;
        resolve({
          ok: statusCode !== null && statusCode >= 200 && statusCode < 300,
          endpoint,
          statusCode,
          latencyMs: Math.round(performance.now() - started),
          contentType: response.headers['content-type'] ?? null,
          error: null,
        });
        response.destroy();
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (error: Error & { code?: string }) =>
      resolve(
        failed(
          error.message === 'timeout' || error.name === 'AbortError'
            ? 'timeout'
            : (error.code ?? error.message),
        ),
      ),
    );
    request.end(method === 'POST' ? '{}' : undefined);
  });
}
