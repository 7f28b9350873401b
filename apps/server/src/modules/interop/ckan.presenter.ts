/**
 * Our catalog entries as CKAN package dicts (CKAN 2.10 action API shapes), so CKAN harvesters and
 * tools (ckanext-harvest, ckanapi) read the catalog unchanged. Contacts are masked.
 */
import { maskPersonName, PRODUCT_FORM_LABELS, type DeliveryMethod } from '@shuliu/core';
import { dcatIris, type NodeInfo } from './dcat.mapping.js';
import type { ExportedProduct, Publisher } from './interop.port.js';

/** CKAN writes timestamps as naive UTC ISO strings with microseconds. */
export const ckanTimestamp = (date: Date): string => date.toISOString().replace('Z', '').padEnd(26, '0');

const RESOURCE_NAMES: Record<DeliveryMethod, string> = {
  file_download: '文件下载',
  api_access: '接口调用',
  sandbox: '数据沙箱',
  model_access: '模型调用',
  online_service: '在线服务',
};

/** The CKAN organization dict of a publisher. */
export function toCkanOrganization(publisher: { id: string; name: string }, packageCount?: number) {
  return {
    id: publisher.id,
    name: publisher.id,
    title: publisher.name,
    display_name: publisher.name,
    type: 'organization',
    is_organization: true,
    state: 'active',
    approval_status: 'approved',
    ...(packageCount === undefined ? {} : { package_count: packageCount }),
  };
}

/** The organization_list entry with `all_fields`. */
export const toCkanOrganizationSummary = (p: Publisher) => toCkanOrganization(p, p.productCount);

/** A product as a CKAN package dict. */
export function toCkanPackage(node: NodeInfo, product: ExportedProduct) {
  const landing = dcatIris.landingPage(node, product.id);
  const methods: DeliveryMethod[] =
    product.deliveryMethods.length > 0 ? product.deliveryMethods : ['online_service'];
  const tags = [...new Set(product.keywords.map((k) => k.trim()).filter(Boolean))];
  const extras: Record<string, string> = {
    certificate_number: product.certificateNumber,
    grade: product.grade,
    form: product.form,
    form_label: PRODUCT_FORM_LABELS[product.form].zh,
    domain: product.domain,
    pricing_model: product.pricingModel,
    region: product.region,
    open_attribute: product.openAttribute,
    dcat_ttl: `${node.publicUrl}/dataset/${product.id}.ttl`,
    dcat_jsonld: `${node.publicUrl}/dataset/${product.id}.jsonld`,
  };
  return {
    id: product.id,
    name: product.id,
    title: product.name,
    notes: product.summary,
    url: landing,
    type: 'dataset',
    state: 'active',
    private: false,
    isopen: product.openAttribute === 'unconditional' && product.pricingModel === 'free_public_welfare',
    license_id: null,
    license_title: '按交易合同与使用策略（ODRL）使用',
    author: product.providerName,
    maintainer: product.contactName ? maskPersonName(product.contactName) : null,
    maintainer_email: null,
    metadata_created: ckanTimestamp(product.listedAt),
    metadata_modified: ckanTimestamp(product.modifiedAt),
    owner_org: product.organizationId,
    organization: toCkanOrganization({ id: product.organizationId, name: product.providerName }),
    tags: tags.map((name) => ({ name, display_name: name, state: 'active', vocabulary_id: null })),
    num_tags: tags.length,
    groups: [],
    resources: methods.map((method, position) => ({
      id: `${product.id}-${method}`,
      package_id: product.id,
      url: landing,
      format: method === 'api_access' ? 'JSON' : '',
      name: RESOURCE_NAMES[method],
      description: `交付方式：${RESOURCE_NAMES[method]}`,
      position,
      state: 'active',
    })),
    num_resources: methods.length,
    extras: Object.entries(extras).map(([key, value]) => ({ key, value })),
  };
}

export type CkanPackage = ReturnType<typeof toCkanPackage>;
