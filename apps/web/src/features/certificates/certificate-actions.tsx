/**
 * The exchange admin's certificate actions: suspend (暂停), reinstate (恢复), revoke (撤销). Each
 * flips the credential's status-list bit, so verifiers see the change at once; suspend and revoke
 * ask for the reason the holder reads.
 */
import { App, Button, Card, Flex, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../app/api-errors';
import { useAuth } from '../../app/auth';
import { ReasonModal } from '../../ui/reason-modal';
import { allowedCertificateActions, useCertificateAction, type RegistrationCertificate } from './api';

/** The card (exchange admins only; hidden when the status allows nothing). */
export function CertificateActions({ certificate }: { certificate: RegistrationCertificate }) {
  const { t } = useTranslation(['certificates', 'common']);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const { hasPlatformRole } = useAuth();
  const act = useCertificateAction(certificate.number);
  const [asking, setAsking] = useState<'suspend' | 'revoke' | null>(null);
  const allowed = allowedCertificateActions(certificate.status);
  if (!hasPlatformRole('exchange_admin') || allowed.length === 0) return null;

  const run = (action: 'suspend' | 'reinstate' | 'revoke', reason?: string) =>
    act.mutate(
      { action, reason },
      {
        onSuccess: () => {
          setAsking(null);
          void message.success(t(`actions.done.${action}`));
        },
        onError: notifyError,
      },
    );

  return (
    <Card size="small" title={t('actions.title')} data-testid="certificate-actions">
      <Flex gap={8} wrap>
        {allowed.includes('reinstate') ? (
          <Popconfirm
            title={t('actions.reinstateConfirm')}
            okText={t('common:actions.confirm')}
            cancelText={t('common:actions.cancel')}
            onConfirm={() => run('reinstate')}
          >
            <Button type="primary" loading={act.isPending} data-testid="certificate-reinstate">
              {t('actions.reinstate')}
            </Button>
          </Popconfirm>
        ) : null}
        {allowed.includes('suspend') ? (
          <Button onClick={() => setAsking('suspend')} data-testid="certificate-suspend">
            {t('actions.suspend')}
          </Button>
        ) : null}
        {allowed.includes('revoke') ? (
          <Button danger onClick={() => setAsking('revoke')} data-testid="certificate-revoke">
            {t('actions.revoke')}
          </Button>
        ) : null}
      </Flex>
      <ReasonModal
        open={asking !== null}
        title={asking ? t(`actions.${asking}`) : ''}
        hint={asking ? t(`actions.hint.${asking}`) : undefined}
        okText={asking ? t(`actions.${asking}`) : ''}
        isDanger={asking === 'revoke'}
        isPending={act.isPending}
        onCancel={() => setAsking(null)}
        onSubmit={(reason) => (asking ? run(asking, reason) : undefined)}
      />
    </Card>
  );
}
