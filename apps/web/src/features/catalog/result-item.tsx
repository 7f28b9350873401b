/** One search result: name, provider, summary, form / grade / domain tags, price, certificate badge. */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { provinceOf } from '@shuliu/core';
import { Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../app/i18n';
import { GradeTag } from '../../ui/registration-tags';
import { formatTime } from '../applications/application-timeline';
import { PriceText } from './price-text';
import type { CatalogHit } from './types';

/** A result row. */
export function ResultItem({ hit }: { hit: CatalogHit }) {
  const { t } = useTranslation(['catalog', 'vocab']);
  const lang = currentLanguage() === 'en' ? 'en' : 'zh';
  return (
    <List.Item data-testid={`catalog-result-${hit.id}`} className="catalog-result">
      <Flex vertical gap={6} style={{ width: '100%' }}>
        <Flex justify="space-between" align="flex-start" gap={12} wrap>
          <Link to={`/catalog/products/${encodeURIComponent(hit.id)}`} className="catalog-result__name">
            {hit.name}
          </Link>
          <PriceText model={hit.pricingModel} amountFen={hit.priceFen} />
        </Flex>
        <Typography.Text type="secondary">
          {hit.provider.name} · {provinceOf(hit.region)?.[lang] ?? hit.region} ·{' '}
          {t('result.listedAt', { at: formatTime(hit.listedAt).slice(0, 10) })}
        </Typography.Text>
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
          {hit.summary}
        </Typography.Paragraph>
        <Flex gap={4} wrap align="center">
          <Tag color="blue">{t(`vocab:productForms.${hit.form}`)}</Tag>
          <Tag>{t(`vocab:dataDomains.${hit.domain}`)}</Tag>
          <GradeTag grade={hit.grade} />
          {hit.visibility === 'participants' ? (
            <Tag color="purple">{t('vocab:visibilities.participants')}</Tag>
          ) : null}
          <Link
            to={`/certificates/${encodeURIComponent(hit.certificateNumber)}`}
            className="certificate-badge"
            data-testid="certificate-badge"
          >
            <SafetyCertificateOutlined /> {t('result.certified', { number: hit.certificateNumber })}
          </Link>
        </Flex>
      </Flex>
    </List.Item>
  );
}
