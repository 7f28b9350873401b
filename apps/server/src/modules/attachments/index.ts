/**
 * The attachments module: evidence files stored content-addressed, readable by their uploader and staff.
 */
import type { PlatformDeps } from '../../platform/deps.js';
import { attachmentsRoutes } from './attachments.routes.js';
import { createAttachmentsService } from './attachments.service.js';

export type { AttachmentsService, AttachmentRow } from './attachments.service.js';
export { presentAttachment, AttachmentResponse } from './attachments.routes.js';

/** Wires the attachments module. */
export function registerAttachments(deps: PlatformDeps) {
  const maxBytes = deps.config.http.SHULIU_MAX_ATTACHMENT_BYTES;
  const service = createAttachmentsService({
    db: deps.database.db,
    clock: deps.clock,
    storage: deps.storage,
    maxBytes,
  });
  return { router: attachmentsRoutes(service, maxBytes), service };
}
