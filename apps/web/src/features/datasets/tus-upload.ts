/**
 * Resumable uploads of a dataset's files over tus (`/api/uploads`): the browser computes the SHA-256
 * of files up to 200 MB and declares it, sends 8 MiB chunks with retries, and keeps the upload's URL
 * in localStorage under a fingerprint of the file and the dataset, so choosing the same file after a
 * reload continues where it stopped. The session cookie authenticates; every request carries the
 * CSRF header and the UI language.
 */
import { Upload, type DetailedError, type HttpResponse, type PreviousUpload } from 'tus-js-client';
import { ApiError, apiHeaders, toApiError } from '../../app/api-client';
import type { UploadResult } from './types';

/** Where tus uploads go. */
export const UPLOADS_PATH = '/api/uploads';
/** Bytes per PATCH request. */
export const CHUNK_SIZE = 8 * 1024 * 1024;
/** Waits before each retry of a failed chunk, in milliseconds. */
export const RETRY_DELAYS = [0, 1000, 3000, 5000];
/** Larger files are not hashed in the browser (the whole file would sit in memory). */
export const MAX_HASHED_BYTES = 200 * 1024 * 1024;
/** File types the picker offers (the server sniffs the content anyway). */
export const DATASET_FILE_ACCEPT = '.csv,.tsv,.txt,.json,.ndjson,.jsonl,.parquet,.xlsx';

/**
 * The hex SHA-256 of a file, or undefined when it is larger than `MAX_HASHED_BYTES` or the page
 * has no Web Crypto (plain-HTTP pages other than localhost).
 */
export async function sha256OfFile(file: Blob): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle as SubtleCrypto | undefined;
  if (file.size > MAX_HASHED_BYTES || !subtle) return undefined;
  const digest = await subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The key tus keeps an unfinished upload under: the file's identity and the dataset, so the same
 * file chosen for another dataset starts a new upload.
 */
export function uploadFingerprint(
  file: Pick<File, 'name' | 'size' | 'type' | 'lastModified'>,
  datasetId: string,
): string {
  return ['shuliu', datasetId, file.name, file.type, file.size, file.lastModified].join(':');
}

/** Reads the server's answer to the last PATCH ({uploadId, sha256, …, versionNumber}); null if unreadable. */
export function parseUploadResult(body: string): UploadResult | null {
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value !== 'object' || value === null) return null;
    const result = value as Partial<UploadResult>;
    if (typeof result.uploadId !== 'string' || typeof result.sha256 !== 'string') return null;
    return {
      uploadId: result.uploadId,
      sha256: result.sha256,
      size: typeof result.size === 'number' ? result.size : 0,
      datasetId: typeof result.datasetId === 'string' ? result.datasetId : null,
      versionId: typeof result.versionId === 'string' ? result.versionId : null,
      versionNumber: typeof result.versionNumber === 'number' ? result.versionNumber : null,
    };
  } catch {
    return null;
  }
}

/** Turns a tus failure into the app's ApiError, so the usual helpers can explain it. */
export function toUploadError(error: Error | DetailedError): ApiError {
  const response: HttpResponse | null = 'originalResponse' in error ? error.originalResponse : null;
  if (!response) return new ApiError(0, 'network', '');
  const body = response.getBody();
  let parsed: unknown = body;
  try {
    parsed = body ? JSON.parse(body) : undefined;
  } catch {
    // Not JSON (a proxy page, tus's own plain-text refusals): toApiError falls back to the status.
  }
  return toApiError(response.getStatus(), parsed);
}

/** What an upload reports while it runs. */
export interface UploadHandlers {
  onProgress: (sent: number, total: number) => void;
  onSuccess: (result: UploadResult | null) => void;
  onError: (error: ApiError) => void;
}

/** Builds (does not start) the tus upload of `file` as the next version of `datasetId`. */
export function createDatasetUpload(
  file: File,
  options: { datasetId: string; sha256?: string },
  handlers: UploadHandlers,
): Upload {
  const metadata: Record<string, string> = { filename: file.name, datasetId: options.datasetId };
  if (file.type) metadata.filetype = file.type;
  if (options.sha256) metadata.sha256 = options.sha256;
  return new Upload(file, {
    endpoint: new URL(UPLOADS_PATH, window.location.origin).href,
    chunkSize: CHUNK_SIZE,
    retryDelays: RETRY_DELAYS,
    metadata,
    fingerprint: (chosen) => Promise.resolve(uploadFingerprint(chosen, options.datasetId)),
    storeFingerprintForResuming: true,
    removeFingerprintOnSuccess: true,
    // Read per request: the CSRF cookie may be renewed while a long upload runs.
    onBeforeRequest: (request) => {
      for (const [name, value] of Object.entries(apiHeaders(request.getMethod())))
        request.setHeader(name, value);
    },
    onProgress: handlers.onProgress,
    onSuccess: ({ lastResponse }) => handlers.onSuccess(parseUploadResult(lastResponse.getBody())),
    onError: (error) => handlers.onError(toUploadError(error)),
  });
}

/** The newest unfinished upload of the same file to the same dataset, if tus remembers one. */
export async function findUnfinishedUpload(upload: Upload): Promise<PreviousUpload | undefined> {
  const previous = await upload.findPreviousUploads();
  return [...previous].sort((a, b) => b.creationTime.localeCompare(a.creationTime))[0];
}

/** How many bytes of an unfinished upload the server holds (tus HEAD), or undefined if it is gone. */
export async function offsetOfUpload(uploadUrl: string): Promise<number | undefined> {
  try {
    const response = await fetch(uploadUrl, {
      method: 'HEAD',
      headers: { 'Tus-Resumable': '1.0.0', ...apiHeaders('HEAD') },
      credentials: 'same-origin',
    });
    const offset = Number(response.headers.get('Upload-Offset'));
    return response.ok && Number.isFinite(offset) ? offset : undefined;
  } catch {
    return undefined;
  }
}
