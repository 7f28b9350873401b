/**
 * Evidence attachments: the type is decided from the file's first bytes, never from its name or the
 * browser's claim, and the bytes are stored content-addressed (SHA-256).
 */
import type { Readable } from 'node:stream';
import { eq, inArray } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { recordEvent } from '../../platform/events/events.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { hasPlatformRole, type Principal, type UserPrincipal } from '../../platform/http/principal.js';
import { newId } from '../../platform/ids.js';
import { BlobTooLargeError, type BlobStore } from '../../platform/storage/blob-store.js';
import { attachments } from './attachments.tables.js';

export const ATTACHMENT_PURPOSES = ['business_licence', 'authorization_letter', 'other'] as const;
export type AttachmentPurpose = (typeof ATTACHMENT_PURPOSES)[number];
export type AttachmentRow = typeof attachments.$inferSelect;

/** The content type of a PDF, PNG or JPEG judged by its magic bytes, else null. */
export function sniffContentType(head: Uint8Array): 'application/pdf' | 'image/png' | 'image/jpeg' | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  return null;
}

/** Keeps a file name displayable and harmless in a Content-Disposition header. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  const cleaned = Array.from(base, (ch) => (ch.charCodeAt(0) < 0x20 || '"<>|:*?'.includes(ch) ? '_' : ch))
    .slice(0, 120)
    .join('');
  return cleaned || 'file';
}

export function createAttachmentsService(deps: {
  db: Db;
  clock: Clock;
  storage: BlobStore;
  maxBytes: number;
}) {
  const { db, clock, storage } = deps;
  const canRead = (principal: Principal, row: AttachmentRow) =>
    principal.kind === 'user' &&
    (row.uploadedBy === principal.userId ||
      hasPlatformRole(principal, 'exchange_admin', 'exchange_reviewer', 'regulator'));

  return {
    /** Stores an uploaded file after checking its size and real type. */
    async upload(
      principal: UserPrincipal,
      file: File,
      purpose: AttachmentPurpose,
      requestId: string | null,
    ): Promise<AttachmentRow> {
      if (file.size > deps.maxBytes)
        throw new AppError('participants.attachment.too_large', 413, { limit: deps.maxBytes });
      const bytes = new Uint8Array(await file.arrayBuffer());
      const contentType = sniffContentType(bytes.subarray(0, 16));
      if (!contentType) throw new AppError('participants.attachment.type_not_allowed', 415);
      let stored;
      try {
        stored = await storage.put(bytes, { maxBytes: deps.maxBytes });
      } catch (error) {
        if (error instanceof BlobTooLargeError)
          throw new AppError('participants.attachment.too_large', 413, { limit: deps.maxBytes });
        throw error;
      }
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(attachments)
          .values({
            id: newId('att'),
            uploadedBy: principal.userId,
            purpose,
            filename: cleanFilename(file.name),
            contentType,
            size: stored.size,
            sha256: stored.sha256,
          })
          .returning();
        if (!row) throw new Error('attachment insert returned nothing');
        await recordEvent(tx, clock, {
          type: 'attachments.attachment.uploaded',
          actorId: principal.userId,
          subjectType: 'attachment',
          subjectId: row.id,
          payload: { sha256: row.sha256, size: row.size, purpose },
          requestId,
        });
        return row;
      });
    },

    /** Metadata and bytes of an attachment the caller may read. */
    async open(principal: Principal, id: string): Promise<{ row: AttachmentRow; content: Readable }> {
      const [row] = await db.select().from(attachments).where(eq(attachments.id, id)).limit(1);
      if (!row || !canRead(principal, row)) throw notFound('participants.attachment.not_found');
      const content = await storage.get(row.sha256);
      if (!content) throw notFound('participants.attachment.not_found');
      return { row, content };
    },

    /** Attachments by id, for another module to check ownership and show metadata. */
    findMany: (ids: string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : db.select().from(attachments).where(inArray(attachments.id, ids)),
  };
}

export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
