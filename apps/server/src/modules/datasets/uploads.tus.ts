/**
 * Resumable uploads over the tus protocol (`@tus/server`) at `/api/uploads`. The bytes stage on the
 * node's disk (`<data>/uploads`) while the upload is open; a client that loses its connection asks
 * `HEAD` for the offset and sends the rest. When the last byte arrives the file is hashed, checked
 * against the SHA-256 the client declared (if any) and moved into the content-addressed store; with a
 * `datasetId` in the metadata it becomes that dataset's next version at once.
 *
 * Authentication and CSRF are the app's usual middleware; this file checks that the caller may write
 * to the dataset (on creation) and owns the upload (on every later request).
 */
import { statfs } from 'node:fs/promises';
import { FileStore } from '@tus/file-store';
import { Server, type Upload } from '@tus/server';
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/app-env.js';
import { AppError, toErrorBody } from '../../platform/http/errors.js';
import type { UserPrincipal } from '../../platform/http/principal.js';
import type { Logger } from '../../platform/log.js';
import type { UploadsService } from './uploads.service.js';

export const UPLOADS_PATH = '/api/uploads';

/** Refusal thrown inside tus hooks: tus answers with this status and body. */
class TusRefusal extends Error {
  constructor(
    readonly status_code: number,
    readonly body: string,
  ) {
    super(`upload refused with ${status_code}`);
  }
}

/** Builds the tus server and the Hono handler serving `/api/uploads` and `/api/uploads/:id`. */
export function createTusHandler(deps: { stagingDir: string; uploads: UploadsService; log: Logger }) {
  const { uploads } = deps;
  // tus hands its hooks the same Request object it was given: the caller rides along with it.
  const callers = new WeakMap<Request, { principal: UserPrincipal; lang: 'zh' | 'en'; requestId: string }>();
  const refusal = (req: Request, error: AppError) => {
    const caller = callers.get(req);
    return new TusRefusal(
      error.status,
      JSON.stringify(toErrorBody(error, caller?.lang ?? 'zh', caller?.requestId ?? 'unknown')),
    );
  };
  const callerOf = (req: Request) => {
    const caller = callers.get(req);
    if (!caller) throw new TusRefusal(401, 'unauthenticated');
    return caller;
  };

  const store = new FileStore({ directory: deps.stagingDir });
  const server = new Server({
    path: UPLOADS_PATH,
    datastore: store,
    relativeLocation: true,
    respectForwardedHeaders: true,
    exposedHeaders: ['X-Shuliu-Upload-Id'],
    allowedHeaders: ['X-CSRF-Token'],
    async onUploadCreate(req, upload) {
      const caller = callerOf(req);
      if (upload.size === undefined) throw refusal(req, new AppError('http.validation_failed', 400));
      const free = await freeBytes(deps.stagingDir);
      if (free !== null && upload.size > free)
        throw refusal(
          req,
          new AppError('datasets.upload.insufficient_storage', 507, { declared: upload.size, free }),
        );
      try {
        await uploads.open(caller.principal, {
          tusId: upload.id,
          size: upload.size,
          metadata: upload.metadata ?? {},
          requestId: caller.requestId,
        });
      } catch (error) {
        if (error instanceof AppError) throw refusal(req, error);
        throw error;
      }
      return {};
    },
    async onIncomingRequest(req, tusId) {
      if (req.method === 'POST') return;
      const caller = callerOf(req);
      const row = await uploads.findByTusId(tusId);
      if (!row || row.createdBy !== caller.principal.userId)
        throw refusal(req, new AppError('datasets.upload.not_found', 404));
    },
    async onUploadFinish(req, upload: Upload) {
      const caller = callerOf(req);
      try {
        const result = await uploads.complete(caller.principal, upload.id, {
          path: `${deps.stagingDir}/${upload.id}`,
          requestId: caller.requestId,
        });
        // The bytes now belong to the blob store; only tus's record of the upload is left.
        await store.configstore.delete(upload.id).catch(() => undefined);
        return {
          status_code: 200,
          headers: { 'Content-Type': 'application/json', 'X-Shuliu-Upload-Id': result.uploadId },
          body: JSON.stringify(result),
        };
      } catch (error) {
        await store.remove(upload.id).catch(() => undefined);
        if (error instanceof AppError) throw refusal(req, error);
        throw error;
      }
    },
    onResponseError(_req, error) {
      if (error instanceof TusRefusal) return { status_code: error.status_code, body: error.body };
      if (!('status_code' in error)) deps.log.error('upload failed', { error: error.message });
      return undefined;
    },
  });

  /** The Hono handler: the caller must be signed in (cookie with CSRF, or a write-scoped token). */
  const handler = async (c: Context<AppEnv>) => {
    const principal = c.get('principal');
    // OPTIONS (CORS preflight) carries no credentials.
    if (c.req.method !== 'OPTIONS') {
      if (principal.kind !== 'user') throw new AppError('auth.unauthenticated', 401);
      const writes = c.req.method !== 'HEAD' && c.req.method !== 'GET';
      if (writes && principal.via === 'token' && !principal.scopes.includes('write'))
        throw new AppError('auth.token_scope', 403, { scope: 'write' });
      callers.set(c.req.raw, { principal, lang: c.get('lang'), requestId: c.get('requestId') });
    }
    return server.handleWeb(c.req.raw);
  };
  return { handler, server, store };
}

/** Bytes free on the file system holding `dir`, or null when the platform cannot tell. */
async function freeBytes(dir: string): Promise<number | null> {
  try {
    const s = await statfs(dir);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}
