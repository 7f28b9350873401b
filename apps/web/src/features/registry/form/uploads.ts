/**
 * Evidence files in the wizards' forms: antd upload items whose `response` is the stored
 * attachment; the description keeps only the attachment ids.
 */
import type { UploadFile } from 'antd';

/** What the form needs of a stored attachment. */
export interface StoredFile {
  id: string;
  filename?: string;
}

/** An upload item of the wizards' forms. */
export type UploadItem = UploadFile<StoredFile>;

/** Where an attachment downloads from (its uploader and exchange staff may read it). */
export function attachmentUrl(id: string): string {
  return `/api/attachments/${encodeURIComponent(id)}`;
}

/** Ids of the stored files of a list (uploading or failed items left out). */
export function idsOf(items: readonly UploadItem[] | undefined): string[] {
  return (items ?? []).flatMap((item) => (item.status === 'done' && item.response ? [item.response.id] : []));
}

/** Upload items for saved attachment ids (named by id until the user replaces them). */
export function itemsOf(ids: readonly string[] | undefined): UploadItem[] {
  return (ids ?? []).map((id) => ({
    uid: id,
    name: id,
    status: 'done',
    url: attachmentUrl(id),
    response: { id },
  }));
}
