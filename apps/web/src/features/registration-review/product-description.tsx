/**
 * A data product's unified description (统一描述格式) as a reviewer reads it: name and form, the
 * rights chain to its resources, scenarios, delivery, pricing, usage policy, sample and contact.
 */
import { toOdrlOffer, type ProductDescription } from '@shuliu/core';
import { Descriptions, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MaskedText } from '../../ui/masked-text';
import { GradeTag, RightsTags } from '../../ui/registration-tags';
import { PriceText } from '../catalog/price-text';
import { UsagePolicyView } from '../catalog/usage-policy';

/** The product's fields; `subjectId` and `holder` name the ODRL offer's target and assigner. */
export function ProductDescriptionView({
  description,
  subjectId,
  holder,
}: {
  description: ProductDescription;
  subjectId: string;
  holder: string;
}) {
  const { t } = useTranslation(['registrationReview', 'vocab']);
  const d = description;
  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        data-testid="subject-description"
        items={[
          { key: 'name', label: t('product.name'), children: d.name, span: 'filled' },
          {
            key: 'summary',
            label: t('product.summary'),
            span: 'filled',
            children: (
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {d.summary}
              </Typography.Paragraph>
            ),
          },
          {
            key: 'form',
            label: t('product.form'),
            children: <Tag color="blue">{t(`vocab:productForms.${d.form}`)}</Tag>,
          },
          { key: 'domain', label: t('product.domain'), children: t(`vocab:dataDomains.${d.domain}`) },
          {
            key: 'delivery',
            label: t('product.deliveryMethods'),
            children: d.deliveryMethods.map((m) => <Tag key={m}>{t(`vocab:deliveryMethods.${m}`)}</Tag>),
          },
          {
            key: 'grade',
            label: t('product.grade'),
            children: <GradeTag grade={d.grade} personalInformation={d.personalInformation} />,
          },
          {
            key: 'pricing',
            label: t('product.pricing'),
            children: (
              <PriceText model={d.pricing.model} amountFen={d.pricing.amountFen} unit={d.pricing.unit} />
            ),
          },
          {
            key: 'frequency',
            label: t('product.updateFrequency'),
            children: t(`vocab:updateFrequencies.${d.updateFrequency}`),
          },
          {
            key: 'visibility',
            label: t('product.visibility'),
            children: (
              <>
                <Tag>{t(`vocab:visibilities.${d.visibility}`)}</Tag>
                <Tag>{t(`vocab:openAttributes.${d.openAttribute}`)}</Tag>
              </>
            ),
          },
          { key: 'quality', label: t('product.quality'), children: d.quality.statement, span: 'filled' },
          ...(d.api
            ? [
                {
                  key: 'api',
                  label: t('product.api'),
                  span: 'filled' as const,
                  children: (
                    <span className="mono-wrap">
                      {d.api.method} {d.api.endpoint}
                    </span>
                  ),
                },
              ]
            : []),
          {
            key: 'contact',
            label: t('product.contact'),
            span: 'filled',
            children: (
              <>
                <MaskedText kind="name" value={d.contact.name} /> ·{' '}
                <MaskedText kind="phone" value={d.contact.phone} /> ·{' '}
                <MaskedText kind="email" value={d.contact.email} />
              </>
            ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('product.rightsChain')}
      </Typography.Title>
      <List
        size="small"
        bordered
        dataSource={d.rightsChain}
        data-testid="rights-chain"
        renderItem={(link) => (
          <List.Item>
            <span className="mono">{link.resourceId}</span>
            <span>
              <RightsTags rights={[link.right]} />
              {link.licenceEvidenceIds.length > 0
                ? t('product.licences', { count: link.licenceEvidenceIds.length })
                : t('product.ownResource')}
            </span>
          </List.Item>
        )}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('product.scenarios')}
      </Typography.Title>
      <List
        size="small"
        bordered
        dataSource={d.scenarios}
        renderItem={(scenario) => (
          <List.Item>
            <List.Item.Meta title={scenario.title} description={scenario.description} />
          </List.Item>
        )}
      />
      {d.sample.exampleResponse ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('product.exampleResponse')}
          </Typography.Title>
          <pre className="code-block">{d.sample.exampleResponse}</pre>
        </>
      ) : null}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('product.usagePolicy')}
      </Typography.Title>
      <UsagePolicyView
        offer={toOdrlOffer(d.usagePolicy, {
          policy: `urn:shuliu:policy:${subjectId}`,
          target: `urn:shuliu:product:${subjectId}`,
          assigner: holder,
        })}
      />
    </>
  );
}
