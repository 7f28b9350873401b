/**
 * The edit-roles dialog: one checkbox per platform role with what it allows. The admin's own
 * exchange-admin box is locked (the server refuses self-demotion too); errors come back as toasts.
 */
import { App, Alert, Checkbox, Flex, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../app/api-errors';
import type { PlatformRole } from '../auth/api';
import { PLATFORM_ROLES, useUserMutations, type AdminUser } from './api';

const SAVE_TEST_ID = { 'data-testid': 'roles-save' };

/** Edits `user`'s platform roles; `isSelf` when the admin edits their own account. */
export function RolesModal({
  user,
  isSelf,
  onClose,
}: {
  user: AdminUser;
  isSelf: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation(['admin', 'vocab', 'common']);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const { setRoles } = useUserMutations();
  const [roles, setRolesChecked] = useState<PlatformRole[]>(user.platformRoles);
  const keepsOwnAdmin = isSelf && user.platformRoles.includes('exchange_admin');

  const save = () =>
    setRoles.mutate(
      // Keep the page's role order, whatever order the boxes were ticked in.
      { id: user.id, platformRoles: PLATFORM_ROLES.filter((role) => roles.includes(role)) },
      {
        onSuccess: () => {
          void message.success(t('roles.saved', { name: user.displayName }));
          onClose();
        },
        onError: notifyError,
      },
    );

  return (
    <Modal
      open
      title={t('roles.title', { name: user.displayName })}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      onOk={save}
      onCancel={onClose}
      okButtonProps={{ loading: setRoles.isPending, ...SAVE_TEST_ID }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('roles.intro')}</Typography.Paragraph>
      <Typography.Paragraph className="mono">{user.email}</Typography.Paragraph>
      <Checkbox.Group<PlatformRole>
        value={roles}
        onChange={setRolesChecked}
        aria-label={t('roles.label')}
        data-testid="roles-checkboxes"
      >
        <Flex vertical gap={12}>
          {PLATFORM_ROLES.map((role) => (
            <Checkbox
              key={role}
              value={role}
              disabled={role === 'exchange_admin' && keepsOwnAdmin}
              data-testid={`role-${role}`}
            >
              <Typography.Text strong>{t(`vocab:platformRoles.${role}`)}</Typography.Text>
              <br />
              <Typography.Text type="secondary">{t(`roles.hints.${role}`)}</Typography.Text>
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
      {keepsOwnAdmin ? (
        <Alert type="info" showIcon title={t('roles.selfAdmin')} style={{ marginTop: 16 }} />
      ) : null}
    </Modal>
  );
}
