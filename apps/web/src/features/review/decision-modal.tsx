/**
 * The modal behind each decision button. Returning and rejecting need a reason (the applicant
 * reads it); approving takes an optional note.
 */
import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationDecision } from '../applications/api';

// Spread so the data attribute passes through antd's button props.
const CONFIRM_TEST_ID = { 'data-testid': 'decision-confirm' };

/** The decisions a reviewer can take. */
export type ReviewAction = 'approve' | 'return' | 'reject';

/** Asks for the reason (or note) of a decision and hands the decision back. */
export function DecisionModal({
  action,
  isPending,
  onCancel,
  onDecide,
}: {
  action: ReviewAction | null;
  isPending: boolean;
  onCancel: () => void;
  onDecide: (decision: ApplicationDecision) => void;
}) {
  const { t } = useTranslation(['review', 'common']);
  const [form] = Form.useForm<{ text?: string }>();
  const isReasonRequired = action === 'return' || action === 'reject';

  const finish = ({ text }: { text?: string }) => {
    const value = text?.trim() ?? '';
    switch (action) {
      case 'approve':
        onDecide(value ? { action: 'approve', note: value } : { action: 'approve' });
        break;
      case 'return':
      case 'reject':
        onDecide({ action, reason: value });
        break;
      case null:
        break;
    }
  };

  return (
    <Modal
      open={action !== null}
      title={action ? t(`decision.modal.${action}.title`) : ''}
      okText={action ? t(`decision.modal.${action}.ok`) : ''}
      okButtonProps={{ danger: action === 'reject', loading: isPending, ...CONFIRM_TEST_ID }}
      cancelText={t('common:actions.cancel')}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
      afterClose={() => form.resetFields()}
    >
      {action ? (
        <Typography.Paragraph type="secondary">{t(`decision.modal.${action}.hint`)}</Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical" onFinish={finish} name="review-decision" preserve={false}>
        <Form.Item
          name="text"
          label={isReasonRequired ? t('decision.reason') : t('decision.note')}
          rules={
            isReasonRequired
              ? [
                  { required: true, whitespace: true, message: t('decision.reasonRequired') },
                  { min: 5, message: t('decision.reasonTooShort', { min: 5 }) },
                  { max: 1000, message: t('common:validation.max', { max: 1000 }) },
                ]
              : [{ max: 1000, message: t('common:validation.max', { max: 1000 }) }]
          }
        >
          <Input.TextArea rows={4} showCount maxLength={1000} data-testid="decision-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
