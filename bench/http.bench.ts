/**
 * HTTP overhead of a node: a bare `node:http` server answering the same JSON (baseline), the did:web
 * document (full middleware chain, no I/O), the public health route (database, storage and job queue
 * checked on every call), and an authenticated read (`GET /api/organizations/{id}` with a session cookie), all
 * on a real node with its embedded PostgreSQL in a temporary data dir.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { completeCreditCode, ENTITY_TYPES, requiredCommitments, type ParticipantRole } from '@shuliu/core';
import { loadConfig, startNode } from '@shuliu/server';
import {
  loadSettings,
  measure,
  printTable,
  writeResults,
  type Measurement,
  type Skipped,
} from './harness.js';

const ORGANIZATION_PATH = '/api/organizations/{id}';
const APPLICATION_PATH = '/api/participant-applications';

/** Runs the HTTP benchmark and writes bench/results/http.json. */
export default async function runHttpBenchmark(): Promise<void> {
  const settings = loadSettings();
  const dataDir = await mkdtemp(join(tmpdir(), 'shuliu-bench-'));
  await chmod(dataDir, 0o755); // as root, the embedded PostgreSQL runs as `postgres` and must enter it
  process.stdout.write(`  starting a node on the embedded PostgreSQL in ${dataDir} …\n`);
  const node = await startNode(
    loadConfig({
      SHULIU_DATA_DIR: dataDir,
      SHULIU_PORT: '0',
      SHULIU_HOST: '127.0.0.1',
      SHULIU_SEED_DEMO: 'false',
      // Request logs to stdout would measure the terminal; warnings and errors still show.
      SHULIU_LOG_LEVEL: 'warn',
    }),
  );
  const nodeUrl = node.url.replace('localhost', '127.0.0.1');
  let bare: Server | undefined;
  try {
    const health = await fetch(`${nodeUrl}/api/health`);
    const healthBody = await health.text();
    bare = await startBareServer(healthBody);
    const bareUrl = `http://127.0.0.1:${portOf(bare)}/api/health`;

    process.stdout.write(
      `  ${settings.connections} connections, ${settings.seconds} s per scenario after a ${settings.warmupSeconds} s warm-up, loopback\n\n`,
    );
    const rows: Measurement[] = [];
    const skipped: Skipped[] = [];
    rows.push(await measure('bare node:http (baseline)', bareUrl, settings));
    // The whole middleware chain without a database call: what the framework itself costs.
    rows.push(
      await measure('GET /.well-known/did.json (no I/O)', `${nodeUrl}/.well-known/did.json`, settings),
    );
    rows.push(await measure('GET /api/health (db, storage, jobs)', `${nodeUrl}/api/health`, settings));

    const organization = await prepareOrganizationRead(nodeUrl);
    if ('reason' in organization)
      skipped.push({ scenario: `GET ${ORGANIZATION_PATH}`, reason: organization.reason });
    else
      rows.push(
        await measure(`GET ${ORGANIZATION_PATH} (session)`, organization.url, settings, {
          cookie: organization.cookie,
        }),
      );

    printTable(rows, skipped);
    const file = await writeResults('http', settings, rows, skipped);
    process.stdout.write(`\n  wrote ${file}\n`);
  } finally {
    if (bare) await new Promise<void>((resolve) => bare?.close(() => resolve()));
    await node.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** A bare node:http server answering `body` as JSON on every request. */
async function startBareServer(body: string): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function portOf(server: Server): number {
  const address = server.address();
  if (typeof address === 'object' && address) return address.port;
  throw new Error('server is not listening on a TCP port');
}

/**
 * Signs up, signs in and obtains an organization by applying for participant registration, all over
 * HTTP. Returns the URL and cookie to read it, or why the row cannot run on this build.
 */
async function prepareOrganizationRead(
  nodeUrl: string,
): Promise<{ url: string; cookie: string } | { reason: string }> {
  const spec = (await (await fetch(`${nodeUrl}/api/openapi.json`)).json()) as {
    paths?: Record<string, Record<string, unknown>>;
  };
  if (!spec.paths?.[ORGANIZATION_PATH]?.get) return { reason: `${ORGANIZATION_PATH} not available yet` };
  if (!spec.paths[APPLICATION_PATH]?.post)
    return { reason: `POST ${APPLICATION_PATH} (participant registration) not available yet` };

  const email = `bench-${Date.now()}@example.cn`;
  const password = 'bench-password-2025';
  const signUp = await postJson(nodeUrl, '/api/auth/sign-up', { email, password, displayName: '压测用户' });
  if (!signUp.ok) return { reason: `sign-up failed: ${signUp.status} ${await signUp.text()}` };
  const login = await postJson(nodeUrl, '/api/auth/login', { email, password });
  if (!login.ok) return { reason: `login failed: ${login.status} ${await login.text()}` };
  const cookies = cookiesOf(login);
  const session = cookies.get('shuliu_session');
  const csrf = cookies.get('shuliu_csrf');
  if (!session || !csrf) return { reason: 'login set no shuliu_session/shuliu_csrf cookie' };
  const cookie = `shuliu_session=${session}; shuliu_csrf=${csrf}`;

  const roles: ParticipantRole[] = ['buyer'];
  const serial = String(Date.now()).slice(-9).padStart(9, '0');
  const application = await postJson(
    nodeUrl,
    APPLICATION_PATH,
    {
      creditCode: completeCreditCode(`91110108${serial}`),
      name: '压测数据科技有限公司',
      entityType: ENTITY_TYPES[0],
      legalRepresentative: '张三',
      address: '北京市海淀区压测路1号',
      divisionCode: '110108',
      contact: { name: '李四', phone: '13800138000', email },
      roles,
      commitments: requiredCommitments(roles),
    },
    { cookie, 'x-csrf-token': csrf },
  );
  if (!application.ok)
    return { reason: `applying for registration failed: ${application.status} ${await application.text()}` };
  const { organizationId } = (await application.json()) as { organizationId?: string };
  if (!organizationId) return { reason: 'the application answer carries no organizationId' };
  const url = `${nodeUrl}${ORGANIZATION_PATH.replace('{id}', encodeURIComponent(organizationId))}`;
  const check = await fetch(url, { headers: { cookie } });
  if (!check.ok) return { reason: `reading the organization failed: ${check.status} ${await check.text()}` };
  return { url, cookie };
}

function postJson(
  baseUrl: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** Cookie values set by a response, by name. */
function cookiesOf(response: Response): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair?.indexOf('=') ?? -1;
    if (pair && at > 0) cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  return cookies;
}
