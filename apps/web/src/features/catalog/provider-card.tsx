/** The provider of a product with its participant credential (contact masked by the server). */
import { SafetyCertificateOutlined, ShopOutlined } from '@ant-design/icons';
import { provinceOf } from '@shuliu/core';
import { Button, Card, Descriptions, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../app/i18n';
import type { CatalogProductPage } from './types';

/** The provider card. */
export function ProviderCard({ provider }: { provider: CatalogProductPage['provider'] }) {
  const { t } = useTranslation('catalog');
  const lang = currentLanguage() === 'en' ? 'en' : 'zh';
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <ShopOutlined style={{ color: '#1f4e9c' }} />
          {t('provider.title')}
        </Flex>
      }
      data-testid="provider-card"
    >
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'name', label: t('provider.name'), children: provider.name },
          {
            key: 'code',
            label: t('provider.creditCode'),
            children: <span className="mono">{provider.creditCode}</span>,
          },
          {
            key: 'region',
            label: t('provider.region'),
            children: provinceOf(provider.region)?.[lang] ?? provider.region,
          },
          {
            key: 'credential',
            label: t('provider.credential'),
            children: provider.participantCredentialNumber ? (
              <span className="mono">{provider.participantCredentialNumber}</span>
            ) : (
              t('provider.noCredential')
            ),
          },
          {
            key: 'contact',
            label: t('provider.contact'),
            children: [provider.contact.name, provider.contact.phone, provider.contact.email]
              .filter(Boolean)
              .join(' · '),
          },
        ]}
      />
      <Link to={`/participants?q=${encodeURIComponent(provider.creditCode)}`}>
        <Button icon={<SafetyCertificateOutlined />} block data-testid="provider-credential">
          {t('provider.viewCredential')}
        </Button>
      </Link>
    </Card>
  );
}
