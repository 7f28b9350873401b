/**
 * Catalog entries and registered resources as DCAT-AP 3 (pure functions, no I/O). One RDF graph is
 * the single source; Turtle and JSON-LD are serializations of it (dcat.serialize.ts). Personal data
 * never enters the graph unmasked: the contact point carries the provider and a masked name only.
 */
import { maskPersonName, PRODUCT_FORM_LABELS, provinceOf, type DeliveryMethod } from '@shuliu/core';
import type { NamedNode } from 'n3';
import { addUsagePolicy } from './dcat.odrl.js';
import { GraphBuilder, languageOf, namedNode, term } from './dcat.graph.js';
import {
  ACCESS_RIGHTS,
  AVAILABLE,
  CHINA,
  CHINESE_LANGUAGE,
  COMPANY_PUBLISHER,
  FILE_TYPE_CONCEPTS,
  FREQUENCY_CONCEPTS,
  THEME_CONCEPTS,
  type AuthorityConcept,
} from './dcat.vocabularies.js';
import type { ExportedProduct, ExportedResource } from './interop.port.js';

/** This node, as the catalog's publisher. */
export interface NodeInfo {
  /** Public base URL without trailing slash. */
  publicUrl: string;
  name: string;
}

/** The IRIs the exports mint; one place, so links stay consistent. */
export const dcatIris = {
  catalog: (node: NodeInfo) => `${node.publicUrl}/catalog`,
  nodeAgent: (node: NodeInfo) => `${node.publicUrl}/#node`,
  dataset: (node: NodeInfo, id: string) => `${node.publicUrl}/dataset/${id}`,
  publisher: (node: NodeInfo, organizationId: string) => `${node.publicUrl}/organizations/${organizationId}`,
  /** The web page of a product or resource (where a person reads it and orders or applies). */
  landingPage: (node: NodeInfo, id: string) =>
    id.startsWith('res_') ? `${node.publicUrl}/resources/${id}` : `${node.publicUrl}/catalog/${id}`,
  /** A division (GB/T 2260 code) as a location. */
  division: (code: string) => `urn:gb-t-2260:${code}`,
};

const DELIVERY_TITLES: Record<DeliveryMethod, string> = {
  file_download: '文件下载',
  api_access: '接口调用',
  sandbox: '数据沙箱（可用不可见）',
  model_access: '模型调用',
  online_service: '在线服务',
};

/** Describes an organization as a foaf:Agent publisher and returns its IRI. */
function addPublisher(graph: GraphBuilder, iri: string, name: string): NamedNode {
  const agent = namedNode(iri);
  graph
    .type(agent, term('foaf', 'Agent'))
    .add(agent, term('foaf', 'name'), graph.text(name))
    .add(agent, term('dct', 'type'), graph.concept(COMPANY_PUBLISHER));
  return agent;
}

/** Adds a foaf:Document (landing pages, documentation) and returns it. */
function addDocument(graph: GraphBuilder, url: string): NamedNode {
  const doc = namedNode(url);
  graph.type(doc, term('foaf', 'Document'));
  return doc;
}

/** dct:spatial: China, plus each named division below the whole country. */
function addSpatial(graph: GraphBuilder, dataset: NamedNode, codes: string[]) {
  graph.add(dataset, term('dct', 'spatial'), graph.concept(CHINA));
  for (const code of new Set(codes)) {
    const province = provinceOf(code);
    if (code === '100000' || !province) continue;
    const location = namedNode(dcatIris.division(code));
    graph
      .type(location, term('dct', 'Location'))
      .add(location, term('skos', 'prefLabel'), graph.text(province.zh, 'zh'))
      .add(location, term('skos', 'prefLabel'), graph.text(province.en, 'en'))
      .add(location, term('skos', 'notation'), graph.plain(code))
      .add(dataset, term('dct', 'spatial'), location);
  }
}

/** The properties products and resources share. */
function addDatasetCore(
  graph: GraphBuilder,
  node: NodeInfo,
  subject: {
    id: string;
    name: string;
    summary: string;
    keywords: string[];
    theme: AuthorityConcept | null;
    publisher: { id: string; name: string };
    issued: Date;
    modified: Date;
    frequency: AuthorityConcept | null;
    accessRights: AuthorityConcept;
    certificateNumber: string | null;
  },
): NamedNode {
  const dataset = namedNode(dcatIris.dataset(node, subject.id));
  graph
    .type(dataset, term('dcat', 'Dataset'))
    .add(dataset, term('dct', 'title'), graph.text(subject.name))
    // The description is mandatory; the name stands in for an empty summary.
    .add(dataset, term('dct', 'description'), graph.text(subject.summary.trim() || subject.name))
    .add(dataset, term('dct', 'identifier'), graph.plain(subject.id))
    .add(dataset, term('dct', 'issued'), graph.dateTime(subject.issued))
    .add(dataset, term('dct', 'modified'), graph.dateTime(subject.modified))
    .add(
      dataset,
      term('dct', 'publisher'),
      addPublisher(graph, dcatIris.publisher(node, subject.publisher.id), subject.publisher.name),
    )
    .add(dataset, term('dct', 'accessRights'), graph.concept(subject.accessRights))
    .add(dataset, term('dcat', 'landingPage'), addDocument(graph, dcatIris.landingPage(node, subject.id)));
  for (const keyword of new Set(subject.keywords.map((k) => k.trim()).filter(Boolean)))
    graph.add(dataset, term('dcat', 'keyword'), graph.text(keyword, languageOf(keyword)));
  if (subject.theme) graph.add(dataset, term('dcat', 'theme'), graph.concept(subject.theme));
  if (subject.frequency)
    graph.add(dataset, term('dct', 'accrualPeriodicity'), graph.concept(subject.frequency));
  if (subject.certificateNumber) {
    // The registration certificate's number identifies the registered subject nationally.
    const identifier = namedNode(`${dataset.value}#certificate`);
    graph
      .type(identifier, term('adms', 'Identifier'))
      .add(identifier, term('skos', 'notation'), graph.plain(subject.certificateNumber))
      .add(identifier, term('rdfs', 'label'), graph.text('数据登记证书编号'))
      .add(dataset, term('adms', 'identifier'), identifier);
  }
  return dataset;
}

/** The rights statement every distribution points to: use follows the contract and the policy. */
function addRightsStatement(graph: GraphBuilder, dataset: NamedNode, text: string): NamedNode {
  const rights = namedNode(`${dataset.value}#rights`);
  graph.type(rights, term('dct', 'RightsStatement')).add(rights, term('rdfs', 'label'), graph.text(text));
  return rights;
}

/** Adds one distribution of `dataset` and returns it. */
function addDistribution(
  graph: GraphBuilder,
  node: NodeInfo,
  dataset: NamedNode,
  spec: {
    key: string;
    title: string;
    description: string;
    format: AuthorityConcept | null;
    rights: NamedNode;
    policy?: NamedNode;
  },
): NamedNode {
  const distribution = namedNode(`${dataset.value}#distribution-${spec.key}`);
  const id = dataset.value.slice(dataset.value.lastIndexOf('/') + 1);
  graph
    .type(distribution, term('dcat', 'Distribution'))
    .add(distribution, term('dct', 'title'), graph.text(spec.title))
    .add(distribution, term('dct', 'description'), graph.text(spec.description))
    .add(distribution, term('dcatap', 'availability'), graph.concept(AVAILABLE))
    .add(distribution, term('dcat', 'accessURL'), namedNode(dcatIris.landingPage(node, id)))
    .add(distribution, term('dct', 'rights'), spec.rights)
    .add(dataset, term('dcat', 'distribution'), distribution);
  if (spec.format) graph.add(distribution, term('dct', 'format'), graph.concept(spec.format));
  if (spec.policy) graph.add(distribution, term('odrl', 'hasPolicy'), spec.policy);
  return distribution;
}

/** Formats a product's delivery carries: JSON for APIs, PDF for reports, otherwise not claimed. */
function productFormat(product: ExportedProduct, method: DeliveryMethod): AuthorityConcept | null {
  if (method === 'api_access') return FILE_TYPE_CONCEPTS.api;
  if (product.form === 'report' && method === 'file_download') return FILE_TYPE_CONCEPTS.document;
  return null;
}

/** Adds a listed product as a dcat:Dataset; returns its IRI. */
export function addProductDataset(graph: GraphBuilder, node: NodeInfo, product: ExportedProduct): NamedNode {
  const isOpen = product.openAttribute === 'unconditional' && product.pricingModel === 'free_public_welfare';
  const dataset = addDatasetCore(graph, node, {
    id: product.id,
    name: product.name,
    summary: product.summary,
    keywords: [...product.keywords, PRODUCT_FORM_LABELS[product.form].zh],
    theme: THEME_CONCEPTS[product.domain],
    publisher: { id: product.organizationId, name: product.providerName },
    issued: product.listedAt,
    modified: product.modifiedAt,
    frequency: product.updateFrequency ? FREQUENCY_CONCEPTS[product.updateFrequency] : null,
    accessRights: isOpen ? ACCESS_RIGHTS.public : ACCESS_RIGHTS.restricted,
    certificateNumber: product.certificateNumber,
  });
  addSpatial(graph, dataset, [product.region]);
  const landing = dcatIris.landingPage(node, product.id);
  const contact = namedNode(`${dataset.value}#contact`);
  const person = product.contactName ? `（联系人 ${maskPersonName(product.contactName)}）` : '';
  graph
    .type(contact, term('vcard', 'Kind'))
    .add(contact, term('vcard', 'fn'), graph.text(`${product.providerName}${person}`))
    .add(contact, term('vcard', 'organization-name'), graph.text(product.providerName))
    .add(contact, term('vcard', 'hasURL'), namedNode(landing))
    .add(dataset, term('dcat', 'contactPoint'), contact);
  const rights = addRightsStatement(
    graph,
    dataset,
    '经数据登记的数据产品，须通过本交易平台签订合同后按使用策略（ODRL）使用。',
  );
  const policy = product.usagePolicy
    ? addUsagePolicy(graph, product.usagePolicy, {
        policy: `${dataset.value}#policy`,
        target: dataset.value,
        assigner: dcatIris.publisher(node, product.organizationId),
      })
    : undefined;
  const methods: DeliveryMethod[] =
    product.deliveryMethods.length > 0 ? product.deliveryMethods : ['online_service'];
  for (const method of methods) {
    const distribution = addDistribution(graph, node, dataset, {
      key: method,
      title: DELIVERY_TITLES[method],
      description: `交付方式：${DELIVERY_TITLES[method]}；在本平台下单并签订合同后交付。`,
      format: productFormat(product, method),
      rights,
      ...(policy ? { policy } : {}),
    });
    if (method === 'api_access' && product.apiDocumentationUrl)
      graph.add(distribution, term('foaf', 'page'), addDocument(graph, product.apiDocumentationUrl));
  }
  return dataset;
}

/** Adds a registered data resource (its metadata only) as a dcat:Dataset; returns its IRI. */
export function addResourceDataset(
  graph: GraphBuilder,
  node: NodeInfo,
  resource: ExportedResource,
): NamedNode {
  const dataset = addDatasetCore(graph, node, {
    id: resource.id,
    name: resource.name,
    summary: resource.summary,
    keywords: resource.keywords,
    theme: THEME_CONCEPTS[resource.domain],
    publisher: { id: resource.organizationId, name: resource.publisherName },
    issued: resource.createdAt,
    modified: resource.modifiedAt,
    frequency: resource.updateFrequency ? FREQUENCY_CONCEPTS[resource.updateFrequency] : null,
    accessRights:
      resource.openAttribute === 'unconditional' ? ACCESS_RIGHTS.public : ACCESS_RIGHTS.restricted,
    certificateNumber: resource.certificateNumber,
  });
  addSpatial(graph, dataset, resource.spatialCoverage);
  if (resource.timeCoverage) {
    const period = namedNode(`${dataset.value}#temporal`);
    graph
      .type(period, term('dct', 'PeriodOfTime'))
      .add(period, term('dcat', 'startDate'), graph.date(resource.timeCoverage.from))
      .add(dataset, term('dct', 'temporal'), period);
    if (resource.timeCoverage.to)
      graph.add(period, term('dcat', 'endDate'), graph.date(resource.timeCoverage.to));
  }
  const rights = addRightsStatement(
    graph,
    dataset,
    resource.openAttribute === 'unconditional'
      ? '公共数据资源，无条件开放。'
      : '数据资源有条件开放或共享，须经申请与授权后使用。',
  );
  const formats = [
    ...new Map(resource.formats.map((f) => [FILE_TYPE_CONCEPTS[f]?.code ?? 'other', FILE_TYPE_CONCEPTS[f]])),
  ];
  if (formats.length === 0) formats.push(['other', null]);
  for (const [key, format] of formats)
    addDistribution(graph, node, dataset, {
      key: key.toLowerCase(),
      title: format ? `${format.zh} 格式` : '数据资源',
      description: '数据资源的登记元数据；数据本身经申请与授权后提供。',
      format,
      rights,
    });
  return dataset;
}

/** Paging links of one catalog page (Hydra, as DCAT-AP recommends for paged catalogs). */
export interface CatalogPaging {
  pageUrl: string;
  firstUrl: string;
  nextUrl: string | null;
  previousUrl: string | null;
}

/** The catalog page: the node's dcat:Catalog with the page's products and the Hydra view. */
export function buildCatalogGraph(
  node: NodeInfo,
  products: ExportedProduct[],
  paging: CatalogPaging,
): GraphBuilder {
  const graph = new GraphBuilder();
  const catalog = namedNode(dcatIris.catalog(node));
  const homepage = addDocument(graph, `${node.publicUrl}/`);
  const publisher = namedNode(dcatIris.nodeAgent(node));
  graph
    .type(publisher, term('foaf', 'Agent'))
    .add(publisher, term('foaf', 'name'), graph.text(node.name))
    .add(publisher, term('dct', 'type'), graph.concept(COMPANY_PUBLISHER))
    .type(catalog, term('dcat', 'Catalog'))
    .add(catalog, term('dct', 'title'), graph.text(`${node.name} 数据产品目录`))
    .add(
      catalog,
      term('dct', 'description'),
      graph.text(`${node.name} 已登记并上架的数据产品目录（DCAT-AP 3），可按修改时间增量采集。`),
    )
    .add(catalog, term('dct', 'publisher'), publisher)
    .add(catalog, term('foaf', 'homepage'), homepage)
    .add(catalog, term('dct', 'language'), graph.concept(CHINESE_LANGUAGE))
    .add(catalog, term('dcat', 'themeTaxonomy'), graph.scheme('dataTheme'));
  const latest = products.reduce<Date | null>(
    (max, p) => (!max || p.modifiedAt > max ? p.modifiedAt : max),
    null,
  );
  if (latest) graph.add(catalog, term('dct', 'modified'), graph.dateTime(latest));
  for (const product of products)
    graph.add(catalog, term('dcat', 'dataset'), addProductDataset(graph, node, product));

  const view = namedNode(paging.pageUrl);
  graph
    .type(view, term('hydra', 'PartialCollectionView'))
    .add(catalog, term('hydra', 'view'), view)
    .add(view, term('hydra', 'first'), namedNode(paging.firstUrl));
  if (paging.nextUrl) graph.add(view, term('hydra', 'next'), namedNode(paging.nextUrl));
  if (paging.previousUrl) graph.add(view, term('hydra', 'previous'), namedNode(paging.previousUrl));
  return graph;
}

/** One product or resource as a graph of its own. */
export function buildDatasetGraph(
  node: NodeInfo,
  subject: { kind: 'product'; product: ExportedProduct } | { kind: 'resource'; resource: ExportedResource },
): GraphBuilder {
  const graph = new GraphBuilder();
  const dataset =
    subject.kind === 'product'
      ? addProductDataset(graph, node, subject.product)
      : addResourceDataset(graph, node, subject.resource);
  // Membership, for a harvester that starts from a single dataset.
  graph.add(namedNode(dcatIris.catalog(node)), term('dcat', 'dataset'), dataset);
  return graph;
}
