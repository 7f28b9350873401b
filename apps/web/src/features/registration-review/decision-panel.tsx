/**
 * The decision buttons of a case: only the transitions the server lists in `allowedActions` are
 * offered. Moving forward asks for confirmation; returning and rejecting ask for the reason the
 * applicant will read.
 */
import { Alert, App, Button, Card, Flex, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/api-errors';
import { ReasonModal } from '../../ui/reason-modal';
import { REVIEW_TRANSITIONS, useCaseTransition, type ReviewTransition } from './api';
import { offeredForwardActions } from './decision-rules';
import type { RegistrationCase } from './types';

function isReviewTransition(action: string): action is ReviewTransition {
  return Object.keys(REVIEW_TRANSITIONS).includes(action);
}

/** The decision card. */
export function DecisionPanel({
  data,
  checklistComplete,
}: {
  data: RegistrationCase;
  checklistComplete: boolean;
}) {
  const { t } = useTranslation(['registrationReview', 'common']);
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const transition = useCaseTransition(data.id);
  const [asking, setAsking] = useState<'return' | 'reject' | null>(null);
  const allowed = data.allowedActions.filter(isReviewTransition);
  const forward = offeredForwardActions(allowed, data.state, data.regime.substantiveReview);

  const run = (action: ReviewTransition, reason?: string) =>
    transition.mutate(
      { action, reason },
      {
        onSuccess: () => {
          setAsking(null);
          void message.success(t(`decision.done.${action}`));
        },
        onError: () => setAsking(null),
      },
    );

  return (
    <Card title={t('decision.title')} size="small" data-testid="decision-panel">
      {allowed.length === 0 ? (
        <Typography.Paragraph style={{ margin: 0 }}>{t('decision.none')}</Typography.Paragraph>
      ) : (
        <>
          {transition.isError ? (
            <Alert type="error" showIcon title={describe(transition.error)} style={{ marginBottom: 12 }} />
          ) : null}
          {forward.includes('start_publicity') && !checklistComplete ? (
            <Alert
              type="warning"
              showIcon
              title={t('decision.checklistIncomplete')}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          <Flex vertical gap={8}>
            {forward.map((action, index) => (
              <Popconfirm
                key={action}
                title={t(`decision.confirm.${action}`)}
                okText={t('common:actions.confirm')}
                cancelText={t('common:actions.cancel')}
                onConfirm={() => run(action)}
              >
                <Button
                  type={index === 0 ? 'primary' : 'default'}
                  block
                  loading={transition.isPending && transition.variables.action === action}
                  data-testid={`case-${REVIEW_TRANSITIONS[action]}`}
                >
                  {t(`decision.actions.${action}`)}
                </Button>
              </Popconfirm>
            ))}
            {allowed.includes('return') ? (
              <Button block onClick={() => setAsking('return')} data-testid="case-return">
                {t('decision.actions.return')}
              </Button>
            ) : null}
            {allowed.includes('reject') ? (
              <Button danger block onClick={() => setAsking('reject')} data-testid="case-reject">
                {t('decision.actions.reject')}
              </Button>
            ) : null}
          </Flex>
        </>
      )}
      <ReasonModal
        open={asking !== null}
        title={asking ? t(`decision.actions.${asking}`) : ''}
        hint={asking ? t(`decision.reasonHint.${asking}`) : undefined}
        okText={asking ? t(`decision.actions.${asking}`) : ''}
        isDanger={asking === 'reject'}
        isPending={transition.isPending}
        onCancel={() => setAsking(null)}
        onSubmit={(reason) => (asking ? run(asking, reason) : undefined)}
      />
    </Card>
  );
}
