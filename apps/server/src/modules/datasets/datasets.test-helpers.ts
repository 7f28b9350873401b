/**
 * Test helpers for datasets: the tus protocol spoken by hand (so tests see every request), and
 * waiting for a version's processing job.
 */
import { createHash } from 'node:crypto';
import type { TestUser } from '../../test/factories.js';
import type { CompletedUpload } from './uploads.service.js';

const TUS = { 'Tus-Resumable': '1.0.0' };

/** Upload-Metadata header value: `key base64(value),…`. */
export function tusMetadata(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k} ${Buffer.from(v, 'utf8').toString('base64')}`)
    .join(',');
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Creates a tus upload and returns its URL path (or the failed response). */
export async function createTusUpload(
  user: Pick<TestUser, 'request'>,
  size: number,
  metadata: Record<string, string>,
): Promise<{ res: Response; path: string | null }> {
  const res = await user.request('/api/uploads', {
    method: 'POST',
    headers: { ...TUS, 'Upload-Length': String(size), 'Upload-Metadata': tusMetadata(metadata) },
  });
  const location = res.headers.get('location');
  return { res, path: location ? new URL(location, 'http://node').pathname : null };
}

/** Sends `bytes` at `offset` with PATCH. */
export function patchTusUpload(
  user: Pick<TestUser, 'request'>,
  path: string,
  offset: number,
  bytes: Uint8Array,
) {
  return user.request(path, {
    method: 'PATCH',
    headers: { ...TUS, 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' },
    body: Buffer.from(bytes),
  });
}

/** The server's offset of an upload (HEAD). */
export async function tusOffset(user: Pick<TestUser, 'request'>, path: string): Promise<number | null> {
  const res = await user.request(path, { method: 'HEAD', headers: TUS });
  const offset = res.headers.get('upload-offset');
  return offset === null ? null : Number(offset);
}

/** Uploads `bytes` in one go for `datasetId` and returns the completion body. */
export async function uploadFile(
  user: Pick<TestUser, 'request'>,
  datasetId: string,
  filename: string,
  bytes: Uint8Array,
  extra: Record<string, string> = {},
): Promise<CompletedUpload> {
  const created = await createTusUpload(user, bytes.length, { filename, datasetId, ...extra });
  if (created.res.status !== 201 || !created.path)
    throw new Error(`tus create failed: ${created.res.status} ${await created.res.text()}`);
  const res = await patchTusUpload(user, created.path, 0, bytes);
  if (res.status !== 200) throw new Error(`tus patch failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as CompletedUpload;
}

export interface VersionBody {
  id: string;
  number: number;
  state: string;
  progress: number;
  rowCount: number | null;
  format: string | null;
  personalInfoColumns: string[];
  columns: { name: string; type: string }[] | null;
  ingest: {
    fatal: boolean;
    problems: { code: string; line?: number; column?: string }[];
    rowsRejected: number;
    encoding: string | null;
  } | null;
  profile: {
    rowCount: number;
    columns: { name: string; nullCount: number; topValues: { value: string }[] }[];
  } | null;
  personalInfo: { column: string; kind: string; matchRate: number; examples: string[] }[] | null;
  quality: {
    overall: number;
    dimensions: { dimension: string; score: number; explanation: string }[];
  } | null;
}

/** Polls a version until it leaves `uploaded`/`processing` (the job runs on the node's pg-boss). */
export async function waitForVersion(
  user: Pick<TestUser, 'request'>,
  datasetId: string,
  number: number,
  timeoutMs = 60_000,
): Promise<VersionBody> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await user.request(`/api/datasets/${datasetId}/versions/${number}`);
    const body = (await res.json()) as VersionBody;
    if (body.state === 'ready' || body.state === 'failed') return body;
    if (Date.now() > until) throw new Error(`version ${number} still ${body.state} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
