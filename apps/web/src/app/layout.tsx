/**
 * The shell around every page: a dark-blue header (mark, platform name, node name, language switch,
 * user menu), the main navigation, the page, and a footer. A thin bar shows while a lazily loaded
 * page or a navigation is pending.
 */
import {
  DownOutlined,
  GlobalOutlined,
  LogoutOutlined,
  SettingOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App as AntApp, Avatar, Button, Dropdown, Flex, Layout, Menu, Progress, Space, Tag } from 'antd';
import type { MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { useLogout } from '../features/auth/api';
import { LogoMark } from '../ui/logo';
import { useNotifyError } from './api-errors';
import { useAuth } from './auth';
import { useNodeHealth } from './health';
import { changeLanguage, currentLanguage, LANGUAGES, type Language } from './i18n';

/** The nav key a path belongs to. */
function navKeyOf(pathname: string): string {
  const first = pathname.split('/')[1] ?? '';
  if (first === 'applications') return 'applications';
  if (first === 'registry') {
    const second = pathname.split('/')[2];
    if (second === 'resources' && pathname.endsWith('/new')) return 'registry-resource';
    if (second === 'products' && pathname.endsWith('/new')) return 'registry-product';
    return 'registry-mine';
  }
  return first === '' ? 'home' : first;
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const items: MenuProps['items'] = LANGUAGES.map((lang) => ({
    key: lang,
    label: <span data-testid={`language-${lang}`}>{t(`language.${lang}`)}</span>,
  }));
  const current = currentLanguage();
  return (
    <Dropdown
      menu={{
        items,
        selectable: true,
        selectedKeys: [i18n.language],
        onClick: ({ key }) => void changeLanguage(key as Language),
      }}
      trigger={['click']}
    >
      <Button
        type="text"
        className="header-button"
        icon={<GlobalOutlined />}
        aria-label={t('language.label')}
        data-testid="language-switch"
      >
        {t(`language.${current}`)}
      </Button>
    </Dropdown>
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const notifyError = useNotifyError();
  const { me, isLoading } = useAuth();
  const logout = useLogout();
  if (isLoading) return null;
  if (!me) {
    return (
      <Space size={8}>
        <Link to="/login" data-testid="nav-login">
          <Button type="text" className="header-button">
            {t('user.login')}
          </Button>
        </Link>
        <Link to="/sign-up" data-testid="nav-sign-up">
          <Button className="header-signup">{t('user.signUp')}</Button>
        </Link>
      </Space>
    );
  }
  const items: MenuProps['items'] = [
    { key: 'account', icon: <SettingOutlined />, label: t('nav.account') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('user.logout'), danger: true },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'account') void navigate('/account');
    if (key === 'logout') {
      logout.mutate(undefined, {
        onSuccess: () => {
          void message.success(t('user.loggedOut'));
          void navigate('/');
        },
        onError: notifyError,
      });
    }
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']}>
      <Button type="text" className="header-button" aria-label={t('user.menu')} data-testid="user-menu">
        <Avatar size="small" icon={<UserOutlined />} className="header-avatar" />
        <span className="header-user-name">{me.displayName}</span>
        <DownOutlined />
      </Button>
    </Dropdown>
  );
}

function MainMenu() {
  const { t } = useTranslation();
  const location = useLocation();
  const { me, isExchangeStaff, hasPlatformRole } = useAuth();
  // Platform staff without an organization do not apply for themselves: keep their menu short.
  const actsForOrganization = me !== null && (me.organizations.length > 0 || me.platformRoles.length === 0);
  const link = (to: string, label: string, testId: string) => (
    <Link to={to} data-testid={testId}>
      {label}
    </Link>
  );
  const items: MenuProps['items'] = [
    { key: 'home', label: link('/', t('nav.home'), 'nav-home') },
    { key: 'catalog', label: link('/catalog', t('nav.catalog'), 'nav-catalog') },
    { key: 'notices', label: link('/notices', t('nav.notices'), 'nav-notices') },
    { key: 'participants', label: link('/participants', t('nav.participants'), 'nav-participants') },
    { key: 'verify', label: link('/verify', t('nav.verify'), 'nav-verify') },
  ];
  if (actsForOrganization) {
    items.push(
      { key: 'apply', label: link('/apply', t('nav.apply'), 'nav-apply') },
      { key: 'applications', label: link('/applications', t('nav.myApplications'), 'nav-applications') },
      { key: 'organization', label: link('/organization', t('nav.organization'), 'nav-organization') },
      {
        key: 'registry',
        label: <span data-testid="nav-registry">{t('nav.registry')}</span>,
        children: [
          {
            key: 'registry-mine',
            label: link('/registry', t('nav.myRegistrations'), 'nav-my-registrations'),
          },
          {
            key: 'registry-resource',
            label: link('/registry/resources/new', t('nav.newResource'), 'nav-new-resource'),
          },
          {
            key: 'registry-product',
            label: link('/registry/products/new', t('nav.newProduct'), 'nav-new-product'),
          },
        ],
      },
    );
  }
  if (me) items.push({ key: 'datasets', label: link('/datasets', t('nav.datasets'), 'nav-datasets') });
  if (isExchangeStaff) items.push({ key: 'review', label: link('/review', t('nav.review'), 'nav-review') });
  if (isExchangeStaff)
    items.push({
      key: 'registration-review',
      label: link('/registration-review', t('nav.registrationReview'), 'nav-registration-review'),
    });
  if (hasPlatformRole('exchange_admin'))
    items.push({ key: 'admin', label: link('/admin/users', t('nav.users'), 'nav-users') });
  return (
    <nav aria-label={t('nav.mainMenu')} className="main-nav">
      <div className="container">
        <Menu mode="horizontal" selectedKeys={[navKeyOf(location.pathname)]} items={items} />
      </div>
    </nav>
  );
}

function NavigationProgress() {
  const navigation = useNavigation();
  if (navigation.state === 'idle') return null;
  return (
    <Progress
      className="navigation-progress"
      percent={70}
      status="active"
      showInfo={false}
      size={{ height: 3 }}
      strokeLinecap="square"
    />
  );
}

/** The page frame. */
export function AppLayout() {
  const { t } = useTranslation();
  const health = useNodeHealth();
  return (
    <Layout className="app-layout">
      <NavigationProgress />
      <Layout.Header className="app-header">
        <Flex justify="space-between" align="center" className="container header-inner">
          <Link to="/" className="brand" aria-label={t('brand.full')}>
            <LogoMark size={34} />
            <span className="brand-name">{t('brand.name')}</span>
            <span className="brand-divider" aria-hidden="true" />
            <span className="brand-title">{t('brand.title')}</span>
          </Link>
          <Space size={12} className="header-right">
            <Tag className="node-tag" data-testid="node-name">
              {health.data ? t('brand.node', { node: health.data.node }) : t('brand.nodeUnknown')}
            </Tag>
            <LanguageSwitch />
            <UserMenu />
          </Space>
        </Flex>
      </Layout.Header>
      <MainMenu />
      <Layout.Content className="app-content">
        <div className="container">
          <Outlet />
        </div>
      </Layout.Content>
      <Layout.Footer className="app-footer">
        <Flex className="container" justify="space-between" wrap gap={12}>
          <span>
            {t('footer.about')} · {t('footer.chain')}
          </span>
          <Space separator="·">
            <a href="/api/docs">{t('footer.api')}</a>
            <span>{t('footer.license')}</span>
            {health.data ? <span className="footer-did">{health.data.did}</span> : null}
          </Space>
        </Flex>
      </Layout.Footer>
    </Layout>
  );
}
