import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { term } from './dcat.graph.js';
import { buildCatalogGraph, buildDatasetGraph, dcatIris, type NodeInfo } from './dcat.mapping.js';
import { refuseRemoteDocuments, toJsonLd, toTurtle } from './dcat.serialize.js';
import { createShaclValidator, describeFindings, parseTurtle } from './fixtures/shacl-validator.js';
import { sampleProduct, sampleResource } from './fixtures/sample-subjects.js';

const node: NodeInfo = { publicUrl: 'https://exchange.example.cn', name: '数流测试交易所' };
const validateCore = createShaclValidator('core');
const validateFull = createShaclValidator('full');

const paging = {
  pageUrl: `${node.publicUrl}/catalog.ttl`,
  firstUrl: `${node.publicUrl}/catalog.ttl`,
  nextUrl: `${node.publicUrl}/catalog.ttl?cursor=abc`,
  previousUrl: null,
};

function catalogWithTwoProducts() {
  return buildCatalogGraph(
    node,
    [
      sampleProduct(),
      sampleProduct({
        id: 'prd_0193c5e2a4f07a3b9c1d2e3f40516299',
        name: '数元科技·企业用电·数据集·月度',
        form: 'dataset',
        domain: 'energy',
        deliveryMethods: ['file_download', 'sandbox'],
        updateFrequency: 'monthly',
        usagePolicy: null,
        contactName: null,
      }),
    ],
    paging,
  );
}

describe('DCAT-AP mapping', () => {
  it('maps a catalog page with two products that conforms to the core DCAT-AP 3 shapes', async () => {
    const outcome = await validateCore(catalogWithTwoProducts().store);
    expect(outcome.findings, describeFindings(outcome.findings)).toEqual([]);
    expect(outcome.conforms).toBe(true);
    expect(outcome.shapeCount).toBeGreaterThan(50);
  });

  it('has no violation (warnings only) under the vocabulary and recommended shapes too', async () => {
    const outcome = await validateFull(catalogWithTwoProducts().store);
    expect(outcome.violations, describeFindings(outcome.violations)).toEqual([]);
  });

  it('maps a registered resource that conforms, with its time coverage as a period of time', async () => {
    const graph = buildDatasetGraph(node, { kind: 'resource', resource: sampleResource() });
    const outcome = await validateCore(graph.store);
    expect(outcome.findings, describeFindings(outcome.findings)).toEqual([]);
    const dataset = dcatIris.dataset(node, sampleResource().id);
    expect(graph.store.getQuads(dataset, term('dct', 'temporal'), null, null)).toHaveLength(1);
    expect((await validateFull(graph.store)).violations).toEqual([]);
  });

  it('reports a violation when a mandatory property is missing (the validation can fail)', async () => {
    const graph = buildDatasetGraph(node, { kind: 'product', product: sampleProduct() });
    const dataset = dcatIris.dataset(node, sampleProduct().id);
    graph.store.removeQuads(graph.store.getQuads(dataset, term('dct', 'title'), null, null));
    const outcome = await validateCore(graph.store);
    expect(outcome.conforms).toBe(false);
    expect(outcome.violations.length).toBeGreaterThan(0);
    expect(outcome.violations.map((v) => v.path)).toContain(`${term('dct', 'title').value}`);
  });

  it('reports a violation when a value lacks the class DCAT-AP expects (range shapes are active)', async () => {
    const graph = buildDatasetGraph(node, { kind: 'product', product: sampleProduct() });
    graph.store.removeQuads(graph.store.getQuads(null, term('rdf', 'type'), term('dct', 'Frequency'), null));
    const outcome = await validateCore(graph.store);
    expect(outcome.violations.map((v) => v.path)).toContain(term('dct', 'accrualPeriodicity').value);
  });

  it('masks the contact person and never exports phone or email', async () => {
    const turtle = await toTurtle(
      buildDatasetGraph(node, { kind: 'product', product: sampleProduct() }).store,
    );
    expect(turtle).toContain('李*');
    expect(turtle).not.toContain('李娜');
    expect(turtle).not.toContain('13812345678');
    expect(turtle).not.toContain('lina@example.cn');
  });

  it('maps the frequency, theme and usage policy to the EU vocabularies and ODRL', async () => {
    const turtle = await toTurtle(
      buildDatasetGraph(node, { kind: 'product', product: sampleProduct() }).store,
    );
    expect(turtle).toContain('<http://publications.europa.eu/resource/authority/frequency/UPDATE_CONT>');
    expect(turtle).toContain('<http://publications.europa.eu/resource/authority/data-theme/TRAN>');
    expect(turtle).toMatch(/odrl:hasPolicy <https:\/\/exchange\.example\.cn\/dataset\/prd_[0-9a-f]+#policy>/);
    expect(turtle).toContain('odrl:prohibition');
    expect(turtle).toContain('"2026-12-31"^^xsd:date');
  });

  it('round-trips through Turtle and JSON-LD (inline context, no remote loads) to the same graph', async () => {
    const graph = catalogWithTwoProducts();
    const fromTurtle = parseTurtle(await toTurtle(graph.store));
    const doc = await toJsonLd(graph.store);
    expect(JSON.stringify(doc['@context'])).not.toMatch(/"https?:\/\/[^"]*\.jsonld"/);
    const nquads = (await jsonld.toRDF(doc, {
      format: 'application/n-quads',
      documentLoader: refuseRemoteDocuments,
    })) as unknown as string;
    const fromJsonLd = parseTurtle(nquads);
    expect(fromTurtle.length).toBe(graph.store.size);
    expect(fromJsonLd.length).toBe(graph.store.size);
    expect((await validateCore(fromJsonLd)).conforms).toBe(true);
  });
});
