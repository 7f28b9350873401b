import { Readable } from 'node:stream';
import { z } from '@hono/zod-openapi';
import { signedInPolicy } from '../../platform/http/policy.js';
import { userOf } from '../../platform/http/principal.js';
import { limitBody } from '../../platform/http/middleware.js';
import { createRouter, defineRoute, errorResponses } from '../../platform/http/route.js';
import { ATTACHMENT_PURPOSES, type AttachmentRow, type AttachmentsService } from './attachments.service.js';

export const AttachmentResponse = z
  .object({
    id: z.string().describe('Attachment id (`att_…`)'),
    purpose: z.enum(ATTACHMENT_PURPOSES).describe('What the file proves'),
    filename: z.string().describe('Original file name (cleaned)'),
    contentType: z.string().describe('Type judged from the file’s bytes: PDF, PNG or JPEG'),
    size: z.number().int().describe('Size in bytes'),
    sha256: z.string().describe('SHA-256 of the bytes (hex); the storage key'),
    createdAt: z.string().describe('Upload time'),
  })
  .openapi('Attachment');

const UploadForm = z.object({
  file: z
    .instanceof(File)
    .openapi({ type: 'string', format: 'binary', description: 'The file: PDF, JPG or PNG' }),
  purpose: z.enum(ATTACHMENT_PURPOSES).default('other').describe('What the file proves'),
});

// Exchange staff read attachments through the same route; the service decides per record.
const policies = {
  upload: signedInPolicy('attachments.upload', 'write'),
  read: signedInPolicy('attachments.read', 'read'),
};

/** Presents an attachment. */
export const presentAttachment = (a: AttachmentRow) => ({
  id: a.id,
  purpose: a.purpose as (typeof ATTACHMENT_PURPOSES)[number],
  filename: a.filename,
  contentType: a.contentType,
  size: a.size,
  sha256: a.sha256,
  createdAt: a.createdAt.toISOString(),
});

/** Attachment routes; uploads get their own body limit (the JSON limit is far smaller). */
export function attachmentsRoutes(service: AttachmentsService, maxBytes: number) {
  const upload = defineRoute({
    method: 'post',
    path: '/api/attachments',
    tags: ['attachments'],
    operationId: 'uploadAttachment',
    policy: policies.upload,
    summary: 'Upload an evidence file (PDF, JPG or PNG)',
    middleware: [limitBody(maxBytes + 64 * 1024)],
    request: { body: { content: { 'multipart/form-data': { schema: UploadForm } }, required: true } },
    responses: {
      201: { description: 'Stored', content: { 'application/json': { schema: AttachmentResponse } } },
      ...errorResponses(400, 401, 413, 415),
    },
  });
  const download = defineRoute({
    method: 'get',
    path: '/api/attachments/{id}',
    tags: ['attachments'],
    operationId: 'downloadAttachment',
    policy: policies.read,
    summary: 'Download an attachment (its uploader and exchange staff)',
    request: {
      params: z.object({
        id: z
          .string()
          .min(1)
          .max(64)
          .openapi({ param: { name: 'id', in: 'path' }, description: 'Attachment id' }),
      }),
    },
    responses: {
      200: {
        description: 'The file',
        content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
      },
      ...errorResponses(401, 404),
    },
  });
  return createRouter()
    .openapi(upload, async (c) => {
      const { file, purpose } = c.req.valid('form');
      const row = await service.upload(userOf(c.get('principal')), file, purpose, c.get('requestId'));
      return c.json(presentAttachment(row), 201);
    })
    .openapi(download, async (c) => {
      const { row, content } = await service.open(c.get('principal'), c.req.valid('param').id);
      c.header('content-type', row.contentType);
      c.header('content-length', String(row.size));
      c.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.filename)}`);
      c.header('x-content-sha256', row.sha256);
      return c.body(Readable.toWeb(content) as ReadableStream, 200);
    });
}
