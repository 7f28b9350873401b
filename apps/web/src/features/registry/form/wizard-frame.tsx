/**
 * The frame both registration wizards share: the steps bar, the current step, and a footer with
 * 上一步 / 保存草稿 (with "已保存 hh:mm") / 下一步 or 提交登记. The wizard owns the form and the
 * logic; this only lays them out, so both wizards look and behave alike.
 */
import { CheckCircleOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Space, Steps, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../app/api-errors';

export interface WizardFrameProps {
  steps: { key: string; title: string }[];
  current: number;
  onStepChange: (step: number) => void;
  onSaveDraft: () => void;
  saving: boolean;
  /** When the draft was last saved (ISO), if ever. */
  savedAt: string | undefined;
  onSubmit: () => void;
  submitting: boolean;
  /** Why submitting is not possible yet (shown instead of enabling the button). */
  submitBlocked?: string | undefined;
  /** The last save or submit error without a field to show it beside. */
  error: unknown;
  testId: string;
  children: ReactNode;
}

/** Steps, content and the action bar of a registration wizard. */
export function WizardFrame(props: WizardFrameProps) {
  const { t } = useTranslation(['registry', 'common']);
  const describe = useErrorMessage();
  const { steps, current } = props;
  const isLast = current === steps.length - 1;
  return (
    <Card>
      <Steps
        current={current}
        onChange={props.onStepChange}
        items={steps.map((step) => ({ key: step.key, title: step.title }))}
        style={{ marginBottom: 32 }}
        data-testid={`${props.testId}-steps`}
      />
      {props.children}
      {props.error ? (
        <Alert
          type="error"
          showIcon
          title={describe(props.error)}
          style={{ marginTop: 16 }}
          data-testid="registry-error"
        />
      ) : null}
      {isLast && props.submitBlocked ? (
        <Alert type="warning" showIcon title={props.submitBlocked} style={{ marginTop: 16 }} />
      ) : null}
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginTop: 24 }}>
        <Button
          onClick={() => props.onStepChange(current - 1)}
          disabled={current === 0}
          data-testid="step-previous"
        >
          {t('common:actions.previous')}
        </Button>
        <Space size={12} wrap>
          <Typography.Text type="secondary" data-testid="draft-saved-at" aria-live="polite">
            {props.saving ? (
              t('common:state.saving')
            ) : props.savedAt ? (
              <>
                <CheckCircleOutlined /> {t('wizard.savedAt', { time: dayjs(props.savedAt).format('HH:mm') })}
              </>
            ) : (
              t('wizard.notSaved')
            )}
          </Typography.Text>
          <Button
            icon={<SaveOutlined />}
            onClick={props.onSaveDraft}
            loading={props.saving}
            data-testid="registry-save-draft"
          >
            {t('wizard.saveDraft')}
          </Button>
          {isLast ? (
            <Button
              type="primary"
              size="large"
              onClick={props.onSubmit}
              loading={props.submitting}
              disabled={Boolean(props.submitBlocked)}
              data-testid="registry-submit"
            >
              {t('wizard.submit')}
            </Button>
          ) : (
            <Button type="primary" onClick={() => props.onStepChange(current + 1)} data-testid="step-next">
              {t('common:actions.next')}
            </Button>
          )}
        </Space>
      </Flex>
    </Card>
  );
}
