/** 账户设置: the user's profile, password and API tokens. */
import { Card, Descriptions, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { RequireAuth, useAuth } from '../../app/auth';
import { PageHeader } from '../../ui/page-header';
import { PasswordForm } from './password-form';
import { TokensPanel } from './tokens-panel';

const TABS = ['profile', 'password', 'tokens'] as const;
type AccountTab = (typeof TABS)[number];

function isTab(value: string | null): value is AccountTab {
  return TABS.some((tab) => tab === value);
}

function Account() {
  const { t } = useTranslation(['account', 'vocab', 'common']);
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: AccountTab = isTab(tabParam) ? tabParam : 'profile';
  if (!me) return null;

  return (
    <>
      <PageHeader
        title={t('title')}
        crumbs={[{ title: t('common:nav.home'), to: '/' }, { title: t('title') }]}
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'profile' ? {} : { tab: key })}
          items={[
            {
              key: 'profile',
              label: t('tabs.profile'),
              children: (
                <Descriptions
                  column={1}
                  size="small"
                  items={[
                    { key: 'name', label: t('profile.name'), children: me.displayName },
                    { key: 'email', label: t('profile.email'), children: me.email },
                    {
                      key: 'platformRoles',
                      label: t('profile.platformRoles'),
                      children:
                        me.platformRoles.length > 0
                          ? me.platformRoles.map((role) => (
                              <Tag key={role} color="blue">
                                {t(`vocab:platformRoles.${role}`)}
                              </Tag>
                            ))
                          : t('common:none'),
                    },
                    {
                      key: 'organizations',
                      label: t('profile.organizations'),
                      children:
                        me.organizations.length > 0
                          ? me.organizations.map((org) => (
                              <Tag key={org.id}>
                                {org.name} · {t(`vocab:organizationRoles.${org.role}`)}
                              </Tag>
                            ))
                          : t('common:none'),
                    },
                  ]}
                />
              ),
            },
            { key: 'password', label: t('tabs.password'), children: <PasswordForm email={me.email} /> },
            { key: 'tokens', label: t('tabs.tokens'), children: <TokensPanel /> },
          ]}
        />
      </Card>
    </>
  );
}

/** The account settings page. */
export function AccountPage() {
  return (
    <RequireAuth>
      <Account />
    </RequireAuth>
  );
}
