/** A modal that asks for a reason before an action that others will read about. */
import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

// Spread so the data attribute passes through antd's button props.
const CONFIRM_TEST_ID = { 'data-testid': 'reason-confirm' };

/** Asks for a reason (required unless `isReasonRequired` is false) and hands it back. */
export function ReasonModal({
  open,
  title,
  hint,
  okText,
  isDanger = false,
  isReasonRequired = true,
  isPending,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  title: string;
  hint?: string;
  okText: string;
  isDanger?: boolean;
  isReasonRequired?: boolean;
  isPending: boolean;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('actions.cancel')}
      okButtonProps={{ danger: isDanger, loading: isPending, ...CONFIRM_TEST_ID }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      {hint ? <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph> : null}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        name="reason"
        onFinish={({ reason }) => onSubmit(reason?.trim() ?? '')}
      >
        <Form.Item
          name="reason"
          label={t('reason.label')}
          rules={[
            { required: isReasonRequired, whitespace: true, message: t('reason.required') },
            { max: 1000, message: t('validation.max', { max: 1000 }) },
          ]}
        >
          <Input.TextArea rows={4} showCount maxLength={1000} data-testid="reason-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
