/**
 * Step 4: evidence files. Each file uploads as soon as it is picked (with a progress bar) to
 * /api/attachments; the form keeps the stored attachment ids. Type and size are checked before
 * uploading so a wrong file fails at once, with the same limits the server applies.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Typography, Upload, type UploadProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/api-errors';
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_TYPES,
  attachmentUrl,
  MAX_ATTACHMENT_BYTES,
  uploadAttachment,
  type Attachment,
  type AttachmentPurpose,
} from '../api';
import { ATTACHMENT_PURPOSES, type UploadItem } from './form-values';
import i18n from '../../../app/i18n';
import { settle } from '../../../ui/form-rules';

const EXTENSIONS = /\.(pdf|jpe?g|png)$/i;

function isAcceptedType(file: File): boolean {
  return ATTACHMENT_TYPES.some((type) => type === file.type) || EXTENSIONS.test(file.name);
}

/** Keeps the list in the form, with a download link on stored files. */
function fileListOf(event: { fileList: UploadItem[] } | UploadItem[]): UploadItem[] {
  const list = Array.isArray(event) ? event : event.fileList;
  return list.map((item) =>
    item.status === 'done' && item.response && !item.url
      ? { ...item, url: attachmentUrl(item.response.id) }
      : item,
  );
}

function AttachmentField({ purpose }: { purpose: AttachmentPurpose }) {
  const { t } = useTranslation(['applications', 'vocab']);
  const isRequired = purpose === 'business_licence';

  const { message } = App.useApp();

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    if (!isAcceptedType(file)) {
      void message.error(t('form.fileTypeRejected', { name: file.name }));
      return Upload.LIST_IGNORE;
    }
    if (file.size > MAX_ATTACHMENT_BYTES) {
      void message.error(t('form.fileTooLarge', { name: file.name, mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 }));
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
    uploadAttachment(file, purpose, (percent) => onProgress?.({ percent }), controller.signal).then(
      (attachment) => onSuccess?.(attachment),
      (error: unknown) => {
        const message = describeError(error, i18n.getFixedT(null, 'common'));
        onError?.(new Error(message));
      },
    );
    return { abort: () => controller.abort() };
  };

  return (
    <Form.Item
      label={t(`vocab:attachmentPurposes.${purpose}`)}
      name={['uploads', purpose]}
      valuePropName="fileList"
      getValueFromEvent={fileListOf}
      extra={t(`form.attachmentHints.${purpose}`)}
      rules={[
        {
          validator: (_rule, value: UploadItem[] | undefined) =>
            settle(() => {
              const items = value ?? [];
              if (items.some((item) => item.status === 'uploading')) throw new Error(t('form.uploadPending'));
              if (items.some((item) => item.status === 'error')) throw new Error(t('form.uploadFailed'));
              if (isRequired && !items.some((item) => item.status === 'done')) {
                throw new Error(
                  t('form.attachmentRequired', { purpose: t(`vocab:attachmentPurposes.${purpose}`) }),
                );
              }
            }),
        },
      ]}
      required={isRequired}
    >
      <Upload<Attachment>
        accept={ATTACHMENT_ACCEPT}
        multiple
        beforeUpload={beforeUpload}
        customRequest={customRequest}
        data-testid={`upload-${purpose}`}
      >
        <Button icon={<UploadOutlined />}>{t('form.chooseFile')}</Button>
      </Upload>
    </Form.Item>
  );
}

/** The attachments step. */
export function AttachmentsStep() {
  const { t } = useTranslation('applications');
  return (
    <>
      <Typography.Title level={5}>{t('form.sections.attachments')}</Typography.Title>
      <Alert
        type="info"
        showIcon
        title={t('form.attachmentsHint', { mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 })}
        style={{ marginBottom: 16 }}
      />
      {ATTACHMENT_PURPOSES.map((purpose) => (
        <AttachmentField key={purpose} purpose={purpose} />
      ))}
    </>
  );
}
