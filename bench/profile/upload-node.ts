/**
 * Child process of the upload benchmark: a real node listening on loopback (the embedded PostgreSQL
 * in a temporary data dir, or a new database beside `SHULIU_DATABASE_URL`), with a user, an
 * organization (by applying for participant registration), a write-scoped API token and an empty
 * dataset, all made over HTTP. Prints `{url, token, datasetId}` as its first result line, then serves
 * until its stdin closes, stops, cleans up and prints its peak RSS.
 */
import { completeCreditCode, requiredCommitments, type ParticipantRole } from '@shuliu/core';
import { startBenchNode } from '../bench-node.js';
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

const bench = await startBenchNode('upload');
const { node } = bench;
try {
  const url = node.url.replace('localhost', '127.0.0.1');
  reportFromChild({
    elapsedMs: 0,
    url,
    database: process.env.SHULIU_DATABASE_URL
      ? 'new database beside SHULIU_DATABASE_URL'
      : 'embedded PostgreSQL',
    ...(await prepareUploader(url)),
  });
  // Serve until the parent closes our stdin.
  process.stdin.resume();
  await new Promise((resolve) => process.stdin.once('close', resolve));
} finally {
  await bench.close();
}
reportFromChild({ elapsedMs: 0 });
// The version's processing job may still be running in DuckDB; the measurement is over.
process.exit(0);
