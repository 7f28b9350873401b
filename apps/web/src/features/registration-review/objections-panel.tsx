/**
 * Objections (异议) filed against the case during publicity: reasons, evidence, and for pending ones
 * the reviewer's decision — uphold (the case is rejected) or dismiss (publicity resumes) — with a
 * note the objector reads.
 */
import { App, Button, Card, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../app/api-errors';
import { ReasonModal } from '../../ui/reason-modal';
import { formatTime } from '../applications/application-timeline';
import { useObjectionDecision } from './api';
import { EvidenceList } from './evidence-viewer';
import type { Objection, RegistrationCase } from './types';

function stateColor(state: Objection['state']): string {
  switch (state) {
    case 'pending':
      return 'warning';
    case 'upheld':
      return 'error';
    case 'dismissed':
      return 'default';
  }
}

/** The objections card (hidden when there are none). */
export function ObjectionsPanel({ data }: { data: RegistrationCase }) {
  const { t } = useTranslation(['registrationReview', 'vocab']);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const decide = useObjectionDecision(data.id);
  const [asking, setAsking] = useState<{ objectionId: string; decision: 'uphold' | 'dismiss' } | null>(null);
  const canDecide =
    data.allowedActions.includes('uphold_objection') || data.allowedActions.includes('dismiss_objection');
  if (data.objections.length === 0) return null;

  return (
    <Card title={t('objections.title', { count: data.objections.length })} data-testid="objections">
      <List
        itemLayout="vertical"
        dataSource={data.objections}
        renderItem={(objection) => (
          <List.Item
            key={objection.id}
            data-testid={`objection-${objection.id}`}
            data-state={objection.state}
          >
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Typography.Text type="secondary">
                {t('objections.filed', { at: formatTime(objection.filedAt) })}
              </Typography.Text>
              <Tag color={stateColor(objection.state)}>{t(`vocab:objectionStates.${objection.state}`)}</Tag>
            </Flex>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>
              {objection.reasons}
            </Typography.Paragraph>
            {objection.attachmentIds.length > 0 ? (
              <EvidenceList
                items={objection.attachmentIds.map((id, index) => ({
                  id,
                  label: t('objections.evidence', { n: index + 1 }),
                }))}
              />
            ) : null}
            {objection.decisionNote ? (
              <Typography.Paragraph type="secondary">
                {t('objections.decided', {
                  at: formatTime(objection.decidedAt),
                  note: objection.decisionNote,
                })}
              </Typography.Paragraph>
            ) : null}
            {objection.state === 'pending' && canDecide ? (
              <Flex gap={8}>
                <Button
                  onClick={() => setAsking({ objectionId: objection.id, decision: 'dismiss' })}
                  data-testid={`objection-dismiss-${objection.id}`}
                >
                  {t('objections.dismiss')}
                </Button>
                <Button
                  danger
                  onClick={() => setAsking({ objectionId: objection.id, decision: 'uphold' })}
                  data-testid={`objection-uphold-${objection.id}`}
                >
                  {t('objections.uphold')}
                </Button>
              </Flex>
            ) : null}
          </List.Item>
        )}
      />
      <ReasonModal
        open={asking !== null}
        title={asking ? t(`objections.${asking.decision}`) : ''}
        hint={asking ? t(`objections.hint.${asking.decision}`) : undefined}
        okText={asking ? t(`objections.${asking.decision}`) : ''}
        isDanger={asking?.decision === 'uphold'}
        isPending={decide.isPending}
        onCancel={() => setAsking(null)}
        onSubmit={(note) => {
          if (!asking) return;
          decide.mutate(
            {
              objectionId: asking.objectionId,
              outcome: asking.decision === 'uphold' ? 'upheld' : 'dismissed',
              note,
            },
            {
              onSuccess: () => {
                void message.success(t(`objections.done.${asking.decision}`));
                setAsking(null);
              },
              onError: notifyError,
            },
          );
        }}
      />
    </Card>
  );
}
