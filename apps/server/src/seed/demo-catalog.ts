/**
 * The demo exchange's catalog: registered data resources and listed products of three demo
 * participants, each taken through the real registration engine (draft → case → review with the
 * checklist → publicity → certificate → 上架). Only the publicity wait is cut short, through the
 * engine's demo-only `endPublicityForDemo`, which records its own event type.
 */
import { PROHIBITED_CATEGORIES, type ProductDescription, type ResourceDescription } from '@shuliu/core';
import type { BuiltApp } from '../app.js';
import type { UserPrincipal } from '../platform/http/principal.js';

/** A demo participant acting for its organization. */
export interface DemoMember {
  principal: UserPrincipal;
  organizationId: string;
  organizationName: string;
}

/** Tradability answered: every prohibited category excluded. */
const PASS_ALL_PROHIBITED = Object.fromEntries(PROHIBITED_CATEGORIES.map((c) => [c, false]));

const contactOf = (member: DemoMember) => ({
  name: member.principal.displayName,
  phone: '13900000000',
  email: member.principal.email,
});

function weatherResource(): ResourceDescription {
  return {
    name: '浙江省地面气象观测站逐小时观测数据',
    summary:
      '全省 2,000 余个地面自动气象站逐小时气温、降水、风向风速、相对湿度与能见度观测记录，经质量控制。',
    domain: 'meteorology',
    keywords: ['气象', '观测', '降水', 'weather'],
    dataItems: [
      { name: 'station_id', type: 'string', description: '站点编号', sensitivity: 'none' },
      { name: 'observed_at', type: 'datetime', description: '观测时间', sensitivity: 'none' },
      { name: 'temperature', type: 'decimal', description: '气温（℃）', sensitivity: 'none' },
      { name: 'precipitation', type: 'decimal', description: '小时降水量（mm）', sensitivity: 'none' },
    ],
    formats: ['csv', 'parquet'],
    volume: { records: 150_000_000 },
    timeCoverage: { from: '2015-01-01' },
    spatialCoverage: ['330000'],
    updateFrequency: 'daily',
    source: { method: 'self_collected', description: '本中心自建自动气象站网采集，经三级质量控制。' },
    legalityEvidenceIds: [],
    rights: ['holding', 'processing', 'operation'],
    grade: 'GENERAL_2',
    personalInformation: false,
    shareAttribute: 'unconditional',
    openAttribute: 'conditional',
  };
}

function product(
  member: DemoMember,
  resourceIds: string[],
  fields: Pick<
    ProductDescription,
    'name' | 'summary' | 'domain' | 'keywords' | 'form' | 'deliveryMethods' | 'pricing' | 'scenarios'
  > &
    Partial<ProductDescription>,
): ProductDescription {
  return {
    rightsChain: resourceIds.map((resourceId) => ({
      resourceId,
      right: 'operation',
      licenceEvidenceIds: [],
    })),
    sample: { exampleResponse: fields.sample?.exampleResponse ?? '示例数据见产品说明' },
    usagePolicy: {
      permissions: [{ action: 'use', constraints: [{ kind: 'region', anyOf: ['100000'] }] }],
      prohibitions: [{ action: 'distribute', constraints: [] }],
    },
    quality: { statement: '按季度发布质量报告：完整率 ≥ 99%，时效 T+1。' },
    updateFrequency: 'daily',
    grade: 'GENERAL_2',
    personalInformation: false,
    openAttribute: 'conditional',
    visibility: 'public',
    contact: contactOf(member),
    ...fields,
  };
}

/** Takes a subject through a full initial registration with `reviewer`; returns when certified. */
async function register(
  built: BuiltApp,
  reviewer: UserPrincipal,
  member: DemoMember,
  subjectKind: 'resource' | 'product',
  subjectId: string,
): Promise<void> {
  const { cases, review, publicity, certificates } = built.services.registration;
  const opened = await cases.create(
    member.principal,
    { subjectKind, subjectId, caseType: 'initial' },
    'demo-seed',
  );
  const submitted = await cases.applicantAct(member.principal, opened.id, 'submit', 'demo-seed');
  await cases.review(reviewer, submitted.id, 'accept', null, 'demo-seed');
  await cases.review(reviewer, submitted.id, 'formal-review', null, 'demo-seed');
  for (const item of submitted.checklist) {
    await review.updateItem(
      reviewer,
      submitted.id,
      item.key,
      {
        verdict: 'pass',
        note: '示范数据：材料齐全',
        attachmentIds: [],
        ...(item.key === 'tradability' ? { answers: PASS_ALL_PROHIBITED } : {}),
      },
      'demo-seed',
    );
  }
  if (submitted.regime.substantiveReview)
    await cases.review(reviewer, submitted.id, 'substantive-review', null, 'demo-seed');
  await publicity.start(reviewer, submitted.id, 'demo-seed');
  await publicity.endPublicityForDemo(submitted.id);
  if (!(await certificates.certifyIfDue(submitted.id)))
    throw new Error(`demo case ${submitted.number} not certified`);
}

/** Seeds the demo catalog: 2 registered resources and 3 listed products. */
export async function seedDemoCatalog(
  built: BuiltApp,
  people: { reviewer: UserPrincipal; weather: DemoMember; merchant: DemoMember; authority: DemoMember },
): Promise<void> {
  const { registry } = built.services.registry;
  const { catalog } = built.services.catalog;
  const { reviewer, weather, merchant, authority } = people;

  const resource = await registry.create(
    'resource',
    weather.principal,
    { organizationId: weather.organizationId, description: weatherResource() },
    'demo-seed',
  );
  await register(built, reviewer, weather, 'resource', resource.id);

  const products: [DemoMember, ProductDescription][] = [
    [
      weather,
      product(weather, [resource.id], {
        name: '浙江气象信息服务中心·地面气象观测·数据集·站点级逐小时',
        summary: '全省自动气象站逐小时观测数据集，适用于农业保险定损、新能源功率预测与城市防汛。',
        domain: 'meteorology',
        keywords: ['气象', '降水', '农业保险', 'weather'],
        form: 'dataset',
        deliveryMethods: ['file_download', 'sandbox'],
        pricing: { model: 'subscription', amountFen: 1_200_000, unit: 'year' },
        scenarios: [
          { title: '农业保险定损', description: '按站点降水与气温核定灾害发生时间与强度，缩短理赔周期。' },
          { title: '光伏功率预测', description: '结合辐照与云量估算电站出力。' },
        ],
      }),
    ],
    [
      merchant,
      product(merchant, [], {
        name: '北京数元·长三角制造业景气指数·数据报告·月度',
        summary: '基于用电、物流与招聘等多源数据编制的长三角制造业月度景气指数报告。',
        domain: 'manufacturing',
        keywords: ['制造业', '景气指数', '长三角', 'PMI'],
        form: 'report',
        deliveryMethods: ['file_download', 'online_service'],
        pricing: { model: 'one_off', amountFen: 300_000, unit: 'order' },
        scenarios: [{ title: '产业研究', description: '为投资机构和地方政府研判制造业景气提供参考。' }],
      }),
    ],
    [
      authority,
      product(authority, [], {
        name: '示范市数据局·企业登记注册信息·数据集·企业级',
        summary: '公共数据授权运营：本市企业登记注册、变更与注销信息（不含个人信息），公益用途免费。',
        domain: 'public_service',
        keywords: ['公共数据', '企业登记', '授权运营'],
        form: 'dataset',
        deliveryMethods: ['file_download'],
        pricing: { model: 'free_public_welfare', amountFen: 0, unit: 'order' },
        scenarios: [{ title: '普惠金融', description: '金融机构核验小微企业经营状态，提升授信效率。' }],
        openAttribute: 'unconditional',
      }),
    ],
  ];
  for (const [member, description] of products) {
    const row = await registry.create(
      'product',
      member.principal,
      { organizationId: member.organizationId, description },
      'demo-seed',
    );
    await register(built, reviewer, member, 'product', row.id);
    await catalog.list(member.principal, row.id, 'demo-seed');
  }
}
