/**
 * An evidence-file field (legality evidence, licences, samples, quality reports): each file uploads
 * as soon as it is picked, with a progress bar, to /api/attachments, like the participant
 * application's attachments; the form keeps the upload items and the description their ids.
 */
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Form, Upload, type UploadProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/api-errors';
import i18n from '../../../app/i18n';
import { settle } from '../../../ui/form-rules';
import { ATTACHMENT_ACCEPT, isAcceptedFile, MAX_ATTACHMENT_BYTES, uploadEvidence } from '../api';
import type { FieldPath } from './field-errors';
import { attachmentUrl, type StoredFile, type UploadItem } from './uploads';

function fileListOf(event: { fileList: UploadItem[] } | UploadItem[]): UploadItem[] {
  const list = Array.isArray(event) ? event : event.fileList;
  return list.map((item) =>
    item.status === 'done' && item.response && !item.url
      ? { ...item, url: attachmentUrl(item.response.id) }
      : item,
  );
}

/** A form field holding uploaded evidence files. */
export function EvidenceUpload({
  name,
  label,
  extra,
  required = false,
  max,
  testId,
}: {
  name: FieldPath;
  label: ReactNode;
  extra?: ReactNode;
  required?: boolean;
  /** Most files the field takes (1 for a single sample or report). */
  max?: number;
  testId: string;
}) {
  const { t } = useTranslation('registry');
  const { message } = App.useApp();

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    if (!isAcceptedFile(file)) {
      void message.error(t('upload.typeRejected', { name: file.name }));
      return Upload.LIST_IGNORE;
    }
    if (file.size > MAX_ATTACHMENT_BYTES) {
      void message.error(t('upload.tooLarge', { name: file.name, mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 }));
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const customRequest: UploadProps<StoredFile>['customRequest'] = ({
    file,
    onProgress,
    onSuccess,
    onError,
  }) => {
    if (!(file instanceof File)) return;
    const controller = new AbortController();
    uploadEvidence(file, (percent) => onProgress?.({ percent }), controller.signal).then(
      (attachment) => onSuccess?.({ id: attachment.id, filename: attachment.filename }),
      (error: unknown) => onError?.(new Error(describeError(error, i18n.getFixedT(null, 'common')))),
    );
    return { abort: () => controller.abort() };
  };

  return (
    <Form.Item
      label={label}
      name={name}
      valuePropName="fileList"
      getValueFromEvent={fileListOf}
      extra={extra ?? t('upload.hint', { mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 })}
      required={required}
      rules={[
        {
          validator: (_rule, value: UploadItem[] | undefined) =>
            settle(() => {
              const items = value ?? [];
              if (items.some((item) => item.status === 'uploading')) throw new Error(t('upload.pending'));
              if (items.some((item) => item.status === 'error')) throw new Error(t('upload.failed'));
              if (required && !items.some((item) => item.status === 'done'))
                throw new Error(t('upload.required'));
            }),
        },
      ]}
    >
      <Upload<StoredFile>
        accept={ATTACHMENT_ACCEPT}
        multiple={max !== 1}
        maxCount={max}
        beforeUpload={beforeUpload}
        customRequest={customRequest}
        data-testid={testId}
      >
        <Button icon={<UploadOutlined />}>{t('upload.choose')}</Button>
      </Upload>
    </Form.Item>
  );
}
