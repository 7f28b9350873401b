/**
 * Child process of the upload benchmark: a real node listening on loopback (the embedded PostgreSQL
 * in a temporary data dir, or a new database beside `SHULIU_DATABASE_URL`), with a user, an
 * organization (by applying for participant registration), a write-scoped API token and an empty
 * dataset, all made over HTTP. Prints `{url, token, datasetId}` as its first result line, then serves
 * until its stdin closes, stops, cleans up and prints its peak RSS.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { completeCreditCode, requiredCommitments, type ParticipantRole } from '@shuliu/core';
import { loadConfig, startNode } from '@shuliu/server';
import { reportFromChild } from './child-report.js';

/** Sends JSON and returns the parsed answer, or throws with the status and body. */
async function call<T>(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ body: T; res: Response }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${new URL(url).pathname}: ${res.status} ${await res.text()}`);
  return { body: (await res.json()) as T, res };
}

/** Signs up, gets an organization, a write token and a dataset; returns the token and dataset id. */
async function prepareUploader(nodeUrl: string): Promise<{ token: string; datasetId: string }> {
  const email = `bench-upload-${Date.now()}@example.cn`;
  const password = 'bench-password-2025';
  await call(`${nodeUrl}/api/auth/sign-up`, { email, password, displayName: '压测上传' });
  const { res: login } = await call(`${nodeUrl}/api/auth/login`, { email, password });
  const cookies = new Map(
    login.headers.getSetCookie().map((line) => {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()] as const;
    }),
  );
  const csrf = cookies.get('shuliu_csrf') ?? '';
  const session = {
    cookie: `shuliu_session=${cookies.get('shuliu_session') ?? ''}; shuliu_csrf=${csrf}`,
    'x-csrf-token': csrf,
  };
  const roles: ParticipantRole[] = ['provider'];
  const serial = String(Date.now()).slice(-9).padStart(9, '0');
  const { body: application } = await call<{ organizationId: string }>(
    `${nodeUrl}/api/participant-applications`,
    {
      creditCode: completeCreditCode(`91110108${serial}`),
      name: '压测数据科技有限公司',
      entityType: 'enterprise',
      legalRepresentative: '张三',
      address: '北京市海淀区压测路1号',
      divisionCode: '110108',
      contact: { name: '李四', phone: '13800138000', email },
      roles,
      commitments: requiredCommitments(roles),
    },
    session,
  );
  const { body: created } = await call<{ token: string }>(
    `${nodeUrl}/api/me/tokens`,
    { name: 'bench upload', scopes: ['read', 'write'], expiresInDays: 1 },
    session,
  );
  const authorization = { authorization: `Bearer ${created.token}` };
  const { body: dataset } = await call<{ id: string }>(
    `${nodeUrl}/api/datasets`,
    { organizationId: application.organizationId, name: '压测上传数据集' },
    authorization,
  );
  return { token: created.token, datasetId: dataset.id };
}

const dataDir = await mkdtemp(join(tmpdir(), 'shuliu-bench-upload-'));
await chmod(dataDir, 0o755); // as root, the embedded PostgreSQL runs as `postgres` and must enter it
const external = process.env.SHULIU_DATABASE_URL;
const databaseName = `shuliu_bench_upload_${Date.now()}`;
let databaseUrl: string | undefined;
if (external) {
  const admin = new pg.Client({ connectionString: external });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${databaseName}`);
  await admin.end();
  const url = new URL(external);
  url.pathname = `/${databaseName}`;
  databaseUrl = url.toString();
}
const node = await startNode(
  loadConfig({
    SHULIU_DATA_DIR: dataDir,
    SHULIU_PORT: '0',
    SHULIU_HOST: '127.0.0.1',
    SHULIU_SEED_DEMO: 'false',
    SHULIU_LOG_LEVEL: 'warn',
    ...(databaseUrl ? { SHULIU_DATABASE_URL: databaseUrl } : {}),
  }),
);
try {
  const url = node.url.replace('localhost', '127.0.0.1');
  reportFromChild({
    elapsedMs: 0,
    url,
    database: external ? 'new database beside SHULIU_DATABASE_URL' : 'embedded PostgreSQL',
    ...(await prepareUploader(url)),
  });
  // Serve until the parent closes our stdin.
  process.stdin.resume();
  await new Promise((resolve) => process.stdin.once('close', resolve));
} finally {
  await node.stop();
  if (external) {
    const admin = new pg.Client({ connectionString: external });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await admin.end();
  }
  await rm(dataDir, { recursive: true, force: true });
}
reportFromChild({ elapsedMs: 0 });
// The version's processing job may still be running in DuckDB; the measurement is over.
process.exit(0);
