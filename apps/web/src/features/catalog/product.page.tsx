/**
 * 产品详情: a listed product's public page — description, scenarios, delivery, pricing, usage policy
 * (words + ODRL), sample preview, the quality of the dataset versions behind it with their published
 * samples, the registration certificate badge with verification, and the provider with its credential. Owners and exchange staff also see the delisting card.
 */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Flex, List, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../ui/page-header';
import { Loading, QueryError } from '../../ui/query-state';
import { CertificateStatusTag, GradeTag } from '../../ui/registration-tags';
import { formatTime } from '../applications/application-timeline';
import { useCatalogProduct } from './api';
import { DataQualityCard } from './data-quality-card';
import { termLabel, type TermGroup } from './facet-label';
import { ListingCard } from './listing-card';
import { PriceText } from './price-text';
import { ProviderCard } from './provider-card';
import type { CatalogProductPage } from './types';
import { UsagePolicyView } from './usage-policy';
import '../../ui/registration.css';

function CertificateCard({ certificate }: { certificate: CatalogProductPage['certificate'] }) {
  const { t } = useTranslation('catalog');
  const number = encodeURIComponent(certificate.number);
  return (
    <Card
      size="small"
      className="certificate-card"
      title={
        <Flex gap={8} align="center">
          <SafetyCertificateOutlined style={{ color: '#2e8540' }} />
          {t('product.certificate')}
        </Flex>
      }
      data-testid="product-certificate"
    >
      <Flex vertical gap={8}>
        <Flex gap={8} align="center" wrap>
          <Link to={`/certificates/${number}`} className="mono" data-testid="product-certificate-link">
            {certificate.number}
          </Link>
          <CertificateStatusTag status={certificate.status} />
        </Flex>
        <Link to={`/verify?certificate=${number}`} data-testid="product-certificate-verify">
          {t('product.verifyCertificate')}
        </Link>
      </Flex>
    </Card>
  );
}

function ProductView({ id }: { id: string }) {
  const { t } = useTranslation(['catalog', 'vocab', 'common']);
  const query = useCatalogProduct(id);
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const p = query.data;
  const vocab = (group: TermGroup, value: string) => termLabel(group, value, t);

  return (
    <>
      <PageHeader
        title={<span data-testid="product-name">{p.name}</span>}
        tags={
          <>
            <Tag color="blue">{vocab('form', p.form)}</Tag>
            <GradeTag grade={p.grade} personalInformation={p.personalInformation} />
          </>
        }
        subtitle={t('product.subtitle', {
          provider: p.provider.name,
          at: formatTime(p.listedAt).slice(0, 10),
        })}
        crumbs={[{ title: t('search.title'), to: '/catalog' }, { title: p.name }]}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            <Card title={t('product.description')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.summary}</Typography.Paragraph>
              <Descriptions
                bordered
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'domain', label: t('product.domain'), children: vocab('domain', p.domain) },
                  {
                    key: 'frequency',
                    label: t('product.updateFrequency'),
                    children: vocab('frequency', p.updateFrequency),
                  },
                  {
                    key: 'delivery',
                    label: t('product.deliveryMethods'),
                    children: p.deliveryMethods.map((m) => <Tag key={m}>{vocab('delivery', m)}</Tag>),
                  },
                  {
                    key: 'pricing',
                    label: t('product.pricing'),
                    children: (
                      <PriceText
                        model={p.pricing.model}
                        amountFen={p.pricing.amountFen}
                        unit={p.pricing.unit}
                      />
                    ),
                  },
                  {
                    key: 'open',
                    label: t('product.openAttribute'),
                    children: vocab('open', p.openAttribute),
                  },
                  {
                    key: 'keywords',
                    label: t('product.keywords'),
                    children: p.keywords.map((k) => <Tag key={k}>{k}</Tag>),
                  },
                  {
                    key: 'quality',
                    label: t('product.quality'),
                    span: 'filled',
                    children: p.quality.statement,
                  },
                ]}
              />
            </Card>
            <DataQualityCard datasets={p.datasets} />
            <Card title={t('product.scenarios')}>
              <List
                dataSource={p.scenarios}
                renderItem={(s) => (
                  <List.Item>
                    <List.Item.Meta title={s.title} description={s.description} />
                  </List.Item>
                )}
              />
            </Card>
            <Card title={t('product.sample')} data-testid="product-sample">
              {p.sample.exampleResponse ? (
                <pre className="code-block">{p.sample.exampleResponse}</pre>
              ) : (
                <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                  {p.sample.hasFile ? t('product.sampleFile') : t('product.noSample')}
                </Typography.Paragraph>
              )}
              {p.api ? (
                <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
                  {t('product.apiMethod', { method: p.api.method })}
                  {p.api.documentationUrl ? (
                    <>
                      {' · '}
                      <a href={p.api.documentationUrl} target="_blank" rel="noopener noreferrer">
                        {t('product.apiDocs')}
                      </a>
                    </>
                  ) : null}
                </Typography.Paragraph>
              ) : null}
            </Card>
            <Card title={t('product.usagePolicy')}>
              <UsagePolicyView offer={p.policy} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16} className="sticky-column">
            <CertificateCard certificate={p.certificate} />
            <ProviderCard provider={p.provider} />
            <ListingCard productId={p.id} organizationId={p.provider.organizationId} />
          </Flex>
        </Col>
      </Row>
    </>
  );
}

/** The public product page. */
export function ProductPage() {
  const { id = '' } = useParams();
  return <ProductView id={id} />;
}
