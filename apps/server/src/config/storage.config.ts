/**
 * The storage area of the configuration: which object store holds blobs (a directory or an
 * S3-compatible bucket) and the keys for the bucket.
 */
import { z } from 'zod';

/** Where blobs live, as `SHULIU_STORAGE_URL` names it. */
export type StorageTarget =
  /** A directory; `root` null means the default `<data dir>/blobs`. */
  | { kind: 'file'; root: string | null }
  /** An S3-compatible bucket; keys are `<prefix>blobs/ab/cd/<sha256>`. */
  | {
      kind: 's3';
      bucket: string;
      /** Empty, or ending in `/`. */
      prefix: string;
      /** Service URL for S3-compatible stores (MinIO, OSS, COS…); unset means AWS. */
      endpoint: string | undefined;
      region: string;
      /** Bucket in the path (`endpoint/bucket/key`) rather than in the host name. */
      forcePathStyle: boolean;
    };

const S3_FORM = 's3://<bucket>[/<prefix>]?endpoint=<url>&region=<region>&forcePathStyle=true';
const S3_PARAMS = ['endpoint', 'region', 'forcePathStyle'];
// S3's rule for bucket names (lowercase letters, digits, dots and hyphens; 3–63 characters).
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Reads a storage URL: `file:` (optionally `file:/path`) or an S3 bucket. Returns the target, or a
 * problem an operator can act on.
 *
 * @example
 * parseStorageUrl('s3://shuliu/node-a?endpoint=http://127.0.0.1:9000&forcePathStyle=true')
 * // { target: { kind: 's3', bucket: 'shuliu', prefix: 'node-a/', region: 'us-east-1', … } }
 */
export function parseStorageUrl(url: string | undefined): { target: StorageTarget } | { problem: string } {
  if (url === undefined || url.startsWith('file:')) {
    const root = url?.replace(/^file:(\/\/)?/, '') ?? '';
    return { target: { kind: 'file', root: root || null } };
  }
  if (!url.startsWith('s3://')) return { problem: `must be file: or ${S3_FORM}` };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { problem: `is not a valid URL; expected ${S3_FORM}` };
  }
  if (parsed.username || parsed.password)
    return { problem: 'must not carry keys; set SHULIU_S3_ACCESS_KEY_ID and SHULIU_S3_SECRET_ACCESS_KEY' };
  const bucket = parsed.hostname;
  if (!BUCKET.test(bucket))
    return {
      problem: `bucket "${bucket}" is not a valid bucket name (3–63 lowercase letters, digits, dots, hyphens); expected ${S3_FORM}`,
    };
  const unknown = [...parsed.searchParams.keys()].filter((key) => !S3_PARAMS.includes(key));
  if (unknown.length > 0)
    return { problem: `unknown parameter ${unknown.join(', ')}; allowed: ${S3_PARAMS.join(', ')}` };
  const endpoint = parsed.searchParams.get('endpoint') ?? undefined;
  if (endpoint !== undefined && !/^https?:\/\/[^/?#]+/.test(endpoint))
    return { problem: `endpoint "${endpoint}" must be an http:// or https:// URL` };
  const region = parsed.searchParams.get('region') ?? 'us-east-1';
  if (!/^[a-z0-9-]+$/.test(region)) return { problem: `region "${region}" is not a region name` };
  const pathStyle = parsed.searchParams.get('forcePathStyle') ?? 'false';
  if (pathStyle !== 'true' && pathStyle !== 'false')
    return { problem: `forcePathStyle must be true or false, not "${pathStyle}"` };
  const path = decodeURIComponent(parsed.pathname).replace(/^\/+/, '');
  const prefix = path === '' || path.endsWith('/') ? path : `${path}/`;
  return {
    target: { kind: 's3', bucket, prefix, endpoint, region, forcePathStyle: pathStyle === 'true' },
  };
}

/** The object store for attachments and files. */
export const StorageConfig = z
  .object({
    /** `file:` (default, under the data dir), `file:/path`, or an S3-compatible bucket. */
    SHULIU_STORAGE_URL: z
      .string()
      .regex(/^(file:|s3:\/\/)/, `must be file: or ${S3_FORM}`)
      .superRefine((url, ctx) => {
        // The pattern above already reports other schemes; only an s3:// URL needs a closer look.
        const parsed = parseStorageUrl(url);
        if (url.startsWith('s3://') && 'problem' in parsed)
          ctx.addIssue({ code: 'custom', message: parsed.problem });
      })
      .optional()
      .describe(
        `Object store: file: (default, <data dir>/blobs), file:/path, or ${S3_FORM} (endpoint unset = AWS; region default us-east-1)`,
      ),
    /** Access key of the S3 store; required with an s3:// URL. */
    SHULIU_S3_ACCESS_KEY_ID: z
      .string()
      .min(1)
      .optional()
      .describe('Access key id for an s3:// storage URL (required with one)'),
    /** Secret of the S3 access key; required with an s3:// URL. */
    SHULIU_S3_SECRET_ACCESS_KEY: z
      .string()
      .min(1)
      .optional()
      .describe('Secret access key for an s3:// storage URL (required with one)'),
  })
  .superRefine((config, ctx) => {
    if (!config.SHULIU_STORAGE_URL?.startsWith('s3://')) return;
    for (const key of ['SHULIU_S3_ACCESS_KEY_ID', 'SHULIU_S3_SECRET_ACCESS_KEY'] as const) {
      if (!config[key])
        ctx.addIssue({ code: 'custom', path: [key], message: 'required when SHULIU_STORAGE_URL is s3://…' });
    }
  });
export type StorageConfig = z.infer<typeof StorageConfig>;
