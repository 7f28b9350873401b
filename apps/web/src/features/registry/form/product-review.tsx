/**
 * Product final step (确认提交): the unified product description as it will be submitted, section
 * by section with links back to each step (also used read-only on the case page).
 */
import type { ProductDraftDescription } from './product-values';
import { Button, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../app/i18n';
import { formatFen } from './money';
import { toUsagePolicy } from './policy';

const dash = '—';

/** A read-only view of a product description. `stepOf` gives the step to edit a section in. */
export function ProductSummary({
  description: d,
  resourceNames,
  onEdit,
}: {
  description: ProductDraftDescription;
  resourceNames?: Map<string, string>;
  onEdit?: (stepKey: 'basic' | 'sources' | 'usage' | 'service' | 'api') => void;
}) {
  const { t } = useTranslation(['registry', 'vocab', 'common']);
  const edit = (key: 'basic' | 'sources' | 'usage' | 'service' | 'api') =>
    onEdit ? (
      <Button type="link" size="small" onClick={() => onEdit(key)}>
        {t('common:actions.edit')}
      </Button>
    ) : null;
  const tags = (values: readonly string[] | undefined) =>
    values && values.length > 0 ? values.map((v) => <Tag key={v}>{v}</Tag>) : dash;
  const policy = toUsagePolicy(d.usagePolicy);
  const section = {
    column: { xs: 1, md: 2 },
    bordered: true,
    size: 'small' as const,
    style: { marginTop: 24 },
  };
  return (
    <>
      <Descriptions title={t('product.steps.basic')} extra={edit('basic')} {...section} style={{}}>
        <Descriptions.Item label={t('fields.productName')} span={2}>
          <strong data-testid="summary-product-name">{d.name || dash}</strong>
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.form')}>
          {d.form ? t(`vocab:productForms.${d.form}`) : dash}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.deliveryMethods')}>
          {d.deliveryMethods?.map((m) => <Tag key={m}>{t(`vocab:deliveryMethods.${m}`)}</Tag>) ?? dash}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.domain')}>
          {d.domain ? t(`vocab:dataDomains.${d.domain}`) : dash}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.keywords')}>{tags(d.keywords)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.summary')} span={2}>
          {d.summary || dash}
        </Descriptions.Item>
      </Descriptions>
      <Descriptions title={t('product.steps.sources')} extra={edit('sources')} {...section}>
        <Descriptions.Item label={t('sources.title')} span={2}>
          {d.rightsChain && d.rightsChain.length > 0
            ? d.rightsChain.map((link) => (
                <div key={link.resourceId}>
                  {resourceNames?.get(link.resourceId) ?? link.resourceId} ·{' '}
                  {t(`vocab:dataRights.${link.right}`)}
                </div>
              ))
            : dash}
        </Descriptions.Item>
        <Descriptions.Item label={t('sample.title')} span={2}>
          {d.sample?.attachmentId ? t('sample.hasFile') : null}
          {d.sample?.exampleResponse ? (
            <pre className="mono" style={{ margin: 0, maxHeight: 160, overflow: 'auto' }}>
              {d.sample.exampleResponse}
            </pre>
          ) : null}
          {!d.sample?.attachmentId && !d.sample?.exampleResponse ? dash : null}
        </Descriptions.Item>
        {d.datasets && d.datasets.length > 0 ? (
          <Descriptions.Item label={t('datasets.title')} span={2}>
            {d.datasets.map((r) => (
              <div key={`${r.datasetId}-${r.versionNumber}`} className="mono">
                {t('datasets.summaryItem', { datasetId: r.datasetId, number: r.versionNumber })}
                {r.sampleId ? ` · ${t('datasets.summarySample', { sampleId: r.sampleId })}` : ''}
              </div>
            ))}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Descriptions title={t('product.steps.usage')} extra={edit('usage')} {...section}>
        <Descriptions.Item label={t('scenarios.title')} span={2}>
          {d.scenarios?.map((s) => (
            <div key={s.title}>
              • {s.title}
              {s.description ? `：${s.description}` : ''}
            </div>
          )) ?? dash}
        </Descriptions.Item>
        <Descriptions.Item label={t('policy.permissions')}>
          {policy.permissions.map((r) => (
            <Tag color="green" key={r.action}>
              {t(`vocab:policyActions.${r.action}`)}
              {r.constraints.length > 0
                ? ` (${r.constraints.map((c) => t(`vocab:policyConstraints.${c.kind}`)).join('、')})`
                : ''}
            </Tag>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('policy.prohibitions')}>
          {policy.prohibitions.map((r) => (
            <Tag color="red" key={r.action}>
              {t(`vocab:policyActions.${r.action}`)}
            </Tag>
          ))}
        </Descriptions.Item>
      </Descriptions>
      <Descriptions title={t('product.steps.service')} extra={edit('service')} {...section}>
        <Descriptions.Item label={t('pricing.title')}>
          {d.pricing
            ? `${t(`vocab:pricingModels.${d.pricing.model}`)} · ${formatFen(d.pricing.amountFen, currentLanguage())} / ${t(`vocab:priceUnits.${d.pricing.unit}` as 'vocab:priceUnits.order')}`
            : dash}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.updateFrequency')}>
          {d.updateFrequency ? t(`vocab:updateFrequencies.${d.updateFrequency}`) : dash}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.grade')}>
          {d.grade ? t(`vocab:dataGrades.${d.grade}`) : dash}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.personalInformation')}>
          {d.personalInformation ? t('common:yes') : t('common:no')}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.openAttribute')}>
          {d.openAttribute ? t(`vocab:openAttributes.${d.openAttribute}`) : dash}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.visibility')}>
          {d.visibility ? t(`vocab:visibilities.${d.visibility}`) : dash}
        </Descriptions.Item>
        <Descriptions.Item label={t('quality.statement')} span={2}>
          {d.quality?.statement || dash}
        </Descriptions.Item>
        <Descriptions.Item label={t('contact.title')} span={2}>
          {d.contact ? [d.contact.name, d.contact.phone, d.contact.email].filter(Boolean).join(' · ') : dash}
        </Descriptions.Item>
      </Descriptions>
      {d.form === 'api' ? (
        <Descriptions title={t('product.steps.api')} extra={edit('api')} {...section}>
          <Descriptions.Item label={t('api.endpoint')} span={2}>
            <span className="mono">{d.api ? `${d.api.method} ${d.api.endpoint}` : dash}</span>
          </Descriptions.Item>
        </Descriptions>
      ) : null}
    </>
  );
}
