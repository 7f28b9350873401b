/**
 * An evidence upload field for antd forms: files upload as soon as they are picked (with progress)
 * to /api/attachments; the field's value is the upload list, and `uploadedIds` reads the stored
 * ids from it. Type and size are checked before uploading, with the server's limits.
 */
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload, type UploadFile, type UploadProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/api-errors';
import i18n from '../../app/i18n';
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_TYPES,
  attachmentUrl,
  MAX_ATTACHMENT_BYTES,
  uploadAttachment,
  type Attachment,
} from '../applications/api';

/** One file in the list. */
export type EvidenceFile = UploadFile<Attachment>;

const EXTENSIONS = /\.(pdf|jpe?g|png)$/i;

/** Ids of the files that finished uploading. */
export function uploadedIds(files: readonly EvidenceFile[] | undefined): string[] {
  return (files ?? []).flatMap((file) => (file.status === 'done' && file.response ? [file.response.id] : []));
}

/** True while a file is still uploading or failed (the form should not be sent yet). */
export function hasUnfinishedUploads(files: readonly EvidenceFile[] | undefined): boolean {
  return (files ?? []).some((file) => file.status === 'uploading' || file.status === 'error');
}

/** Already stored attachments shown as done files, so a saved item keeps its evidence. */
export function storedFiles(ids: readonly string[]): EvidenceFile[] {
  return ids.map((id) => ({
    uid: id,
    name: id,
    status: 'done',
    url: attachmentUrl(id),
    response: {
      id,
      purpose: 'other',
      filename: id,
      contentType: '',
      size: 0,
      sha256: '',
      createdAt: '',
    },
  }));
}

/** Form.Item `getValueFromEvent` for the upload list. */
export function fileListOf(event: { fileList: EvidenceFile[] } | EvidenceFile[]): EvidenceFile[] {
  const list = Array.isArray(event) ? event : event.fileList;
  return list.map((item) =>
    item.status === 'done' && item.response && !item.url
      ? { ...item, url: attachmentUrl(item.response.id) }
      : item,
  );
}

/** The upload control; use inside `<Form.Item valuePropName="fileList" getValueFromEvent={fileListOf}>`. */
export function EvidenceUpload({
  fileList,
  onChange,
  disabled,
  testId,
}: {
  fileList?: EvidenceFile[];
  onChange?: UploadProps<Attachment>['onChange'];
  disabled?: boolean;
  testId: string;
}) {
  const { t } = useTranslation('registrationReview');
  const { message } = App.useApp();

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    const typeOk = ATTACHMENT_TYPES.some((type) => type === file.type) || EXTENSIONS.test(file.name);
    if (!typeOk) {
      void message.error(t('upload.typeRejected', { name: file.name }));
      return Upload.LIST_IGNORE;
    }
    if (file.size > MAX_ATTACHMENT_BYTES) {
      void message.error(t('upload.tooLarge', { name: file.name, mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 }));
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const customRequest: UploadProps<Attachment>['customRequest'] = ({
    file,
    onProgress,
    onSuccess,
    onError,
  }) => {
    if (!(file instanceof File)) return;
    const controller = new AbortController();
    uploadAttachment(file, 'other', (percent) => onProgress?.({ percent }), controller.signal).then(
      (attachment) => onSuccess?.(attachment),
      (error: unknown) => onError?.(new Error(describeError(error, i18n.getFixedT(null, 'common')))),
    );
    return { abort: () => controller.abort() };
  };

  return (
    <Upload<Attachment>
      accept={ATTACHMENT_ACCEPT}
      multiple
      fileList={fileList}
      onChange={onChange}
      beforeUpload={beforeUpload}
      customRequest={customRequest}
      disabled={disabled}
      data-testid={testId}
    >
      <Button icon={<UploadOutlined />} disabled={disabled}>
        {t('upload.choose')}
      </Button>
    </Upload>
  );
}
