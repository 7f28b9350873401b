/**
 * 主体详情: a registered participant, its credential, and for exchange staff the suspend /
 * reinstate / revoke actions (each with a reason, as the credential's status list changes).
 */
import { participantMachine, provinceOf, type ParticipantAction } from '@shuliu/core';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Popconfirm, Row, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useNotifyError } from '../../app/api-errors';
import { useAuth } from '../../app/auth';
import { currentLanguage } from '../../app/i18n';
import { PageHeader } from '../../ui/page-header';
import { Loading, QueryError } from '../../ui/query-state';
import { ReasonModal } from '../../ui/reason-modal';
import { ParticipantStateTag, RoleTags } from '../../ui/status-tag';
import { formatTime } from '../applications/application-timeline';
import { useParticipant, useParticipantAction, type Participant } from './api';
import { CredentialCard } from './credential-card';

function StaffActions({ participant }: { participant: Participant }) {
  const { t } = useTranslation(['participants', 'common']);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const act = useParticipantAction(participant.id);
  const [asking, setAsking] = useState<'suspend' | 'revoke' | null>(null);
  const allowed = participantMachine.allowedActions(participant.status);
  const run = (action: ParticipantAction, reason?: string) =>
    act.mutate(
      { action, reason },
      {
        onSuccess: () => {
          setAsking(null);
          void message.success(t(`staff.done.${action}`));
        },
        onError: notifyError,
      },
    );

  return (
    <Card title={t('staff.title')} size="small" data-testid="staff-actions">
      {allowed.length === 0 ? (
        <span>{t('staff.final')}</span>
      ) : (
        <Flex gap={8} wrap>
          {allowed.includes('suspend') ? (
            <Button onClick={() => setAsking('suspend')} data-testid="participant-suspend">
              {t('staff.suspend')}
            </Button>
          ) : null}
          {allowed.includes('reinstate') ? (
            <Popconfirm
              title={t('staff.reinstateConfirm')}
              okText={t('common:actions.confirm')}
              cancelText={t('common:actions.cancel')}
              onConfirm={() => run('reinstate')}
            >
              <Button type="primary" loading={act.isPending} data-testid="participant-reinstate">
                {t('staff.reinstate')}
              </Button>
            </Popconfirm>
          ) : null}
          {allowed.includes('revoke') ? (
            <Button danger onClick={() => setAsking('revoke')} data-testid="participant-revoke">
              {t('staff.revoke')}
            </Button>
          ) : null}
        </Flex>
      )}
      <ReasonModal
        open={asking !== null}
        title={asking ? t(`staff.modal.${asking}.title`) : ''}
        hint={asking ? t(`staff.modal.${asking}.hint`) : undefined}
        okText={asking ? t(`staff.${asking}`) : ''}
        isDanger={asking === 'revoke'}
        isPending={act.isPending}
        onCancel={() => setAsking(null)}
        onSubmit={(reason) => {
          if (asking) run(asking, reason);
        }}
      />
    </Card>
  );
}

function ParticipantView({ id }: { id: string }) {
  const { t } = useTranslation(['participants', 'applications', 'vocab', 'common']);
  const { isExchangeStaff } = useAuth();
  const participant = useParticipant(id);
  if (participant.isPending) return <Loading />;
  if (participant.isError)
    return <QueryError error={participant.error} onRetry={() => void participant.refetch()} />;
  const data = participant.data;
  const lang = currentLanguage() === 'en' ? 'en' : 'zh';

  return (
    <>
      <PageHeader
        title={data.name}
        tags={<ParticipantStateTag state={data.status} />}
        crumbs={[{ title: t('directory.title'), to: '/participants' }, { title: data.name }]}
      />
      {data.status !== 'active' ? (
        <Alert
          type={data.status === 'revoked' ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={t(`detail.${data.status}`)}
          description={
            data.statusReason ? t('detail.statusReason', { reason: data.statusReason }) : undefined
          }
          data-testid="participant-status-notice"
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('detail.title')}>
            <Descriptions
              column={1}
              size="small"
              items={[
                {
                  key: 'creditCode',
                  label: t('applications:fields.creditCode'),
                  children: <span className="mono">{data.creditCode}</span>,
                },
                {
                  key: 'entityType',
                  label: t('applications:fields.entityType'),
                  children: t(`vocab:entityTypes.${data.entityType}`),
                },
                {
                  key: 'legal',
                  label: t('applications:fields.legalRepresentative'),
                  children: data.legalRepresentative,
                },
                { key: 'phone', label: t('applications:fields.contactPhone'), children: data.contactPhone },
                {
                  key: 'region',
                  label: t('fields.region'),
                  children: (
                    <>
                      {t('common:withNote', {
                        text: provinceOf(data.divisionCode)?.[lang] ?? '—',
                        note: data.divisionCode,
                      })}
                    </>
                  ),
                },
                {
                  key: 'roles',
                  label: t('fields.roles'),
                  children: <RoleTags roles={data.roles} />,
                },
                ...(data.merchantSubtypes.length > 0
                  ? [
                      {
                        key: 'merchantSubtypes',
                        label: t('applications:fields.merchantSubtypes'),
                        children: data.merchantSubtypes.map((s) => (
                          <Tag key={s}>{t(`vocab:merchantSubtypes.${s}`)}</Tag>
                        )),
                      },
                    ]
                  : []),
                ...(data.serviceTypes.length > 0
                  ? [
                      {
                        key: 'serviceTypes',
                        label: t('applications:fields.serviceTypes'),
                        children: data.serviceTypes.map((s) => (
                          <Tag key={s}>{t(`vocab:serviceTypes.${s}`)}</Tag>
                        )),
                      },
                    ]
                  : []),
                {
                  key: 'registeredAt',
                  label: t('fields.registeredAt'),
                  children: formatTime(data.registeredAt),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <CredentialCard participant={data} />
            {isExchangeStaff ? <StaffActions participant={data} /> : null}
          </Flex>
        </Col>
      </Row>
    </>
  );
}

/** A participant's public page. */
export function ParticipantPage() {
  const { id = '' } = useParams();
  return <ParticipantView id={id} />;
}
