/**
 * 提出异议: anyone signed in may object to a case in publicity, with reasons (at least 10
 * characters) and evidence files (uploaded with progress). Signed-out visitors are asked to log in
 * and come back to the same notice.
 */
import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useNotifyError } from '../../app/api-errors';
import { useAuth } from '../../app/auth';
import { settle } from '../../ui/form-rules';
import {
  EvidenceUpload,
  fileListOf,
  hasUnfinishedUploads,
  uploadedIds,
  type EvidenceFile,
} from '../registration-review/evidence-upload';
import { useFileObjection } from './api';

/** Shortest reasons accepted (the server checks the same). */
export const MIN_REASONS = 10;
const MAX_REASONS = 2000;

interface Values {
  reasons: string;
  files?: EvidenceFile[];
}

/** The objection form for case `caseId`; `onFiled` runs once it is accepted. */
export function ObjectionForm({ caseId, onFiled }: { caseId: string; onFiled: () => void }) {
  const { t } = useTranslation(['notices', 'common']);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const location = useLocation();
  const { me, isLoading } = useAuth();
  const file = useFileObjection(caseId);
  const [form] = Form.useForm<Values>();

  if (isLoading) return null;
  if (!me) {
    const next = encodeURIComponent(`${location.pathname}?case=${encodeURIComponent(caseId)}`);
    return (
      <Alert
        type="info"
        showIcon
        title={t('objection.loginRequired')}
        action={
          <Link to={`/login?next=${next}`} data-testid="objection-login">
            <Button size="small" type="primary">
              {t('objection.login')}
            </Button>
          </Link>
        }
      />
    );
  }

  const finish = (values: Values) =>
    file.mutate(
      { reasons: values.reasons.trim(), attachmentIds: uploadedIds(values.files) },
      {
        onSuccess: () => {
          void message.success(t('objection.filed'));
          form.resetFields();
          onFiled();
        },
        onError: notifyError,
      },
    );

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="objection"
      onFinish={finish}
      data-testid="objection-form"
    >
      <Typography.Paragraph type="secondary">{t('objection.hint')}</Typography.Paragraph>
      <Form.Item
        name="reasons"
        label={t('objection.reasons')}
        rules={[
          { required: true, whitespace: true, message: t('objection.reasonsRequired') },
          {
            validator: (_rule, value: string | undefined) =>
              settle(() => {
                if (value && value.trim().length > 0 && value.trim().length < MIN_REASONS)
                  throw new Error(t('objection.reasonsTooShort', { min: MIN_REASONS }));
              }),
          },
        ]}
      >
        <Input.TextArea rows={5} maxLength={MAX_REASONS} showCount data-testid="objection-reasons" />
      </Form.Item>
      <Form.Item
        name="files"
        label={t('objection.evidence')}
        valuePropName="fileList"
        getValueFromEvent={fileListOf}
        extra={t('objection.evidenceHint')}
        rules={[
          {
            validator: (_rule, files: EvidenceFile[] | undefined) =>
              settle(() => {
                if (hasUnfinishedUploads(files)) throw new Error(t('objection.uploadUnfinished'));
              }),
          },
        ]}
      >
        <EvidenceUpload testId="objection-upload" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={file.isPending} data-testid="objection-submit">
        {t('objection.submit')}
      </Button>
    </Form>
  );
}
