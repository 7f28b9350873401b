/**
 * Complete, valid descriptions of a data resource and a data product, for tests of the registry
 * and of the modules that consume registered subjects (registration, catalog, interop).
 */
import type { ProductDescription, ResourceDescription } from '@shuliu/core';

/** A complete resource description that passes every submission check; override any field. */
export function validResourceDescription(overrides: Partial<ResourceDescription> = {}): ResourceDescription {
  return {
    name: '城市道路交通流量监测数据',
    summary: '全市主要道路断面逐小时交通流量、平均车速与拥堵指数，来自自建地磁与视频检测设备。',
    domain: 'transport',
    keywords: ['交通流量', '拥堵指数', 'traffic'],
    dataItems: [
      { name: 'road_id', type: 'string', description: '路段编号', sensitivity: 'none' },
      { name: 'hour', type: 'datetime', description: '统计小时', sensitivity: 'none' },
      { name: 'volume', type: 'integer', description: '车流量（辆）', sensitivity: 'none' },
      { name: 'speed', type: 'decimal', description: '平均车速（km/h）', sensitivity: 'none' },
    ],
    formats: ['csv', 'parquet'],
    volume: { records: 12_000_000, bytes: 1_500_000_000 },
    timeCoverage: { from: '2023-01-01' },
    spatialCoverage: ['110000'],
    updateFrequency: 'daily',
    source: { method: 'self_collected', description: '自建道路检测设备采集，设备清单与采集说明见附件。' },
    legalityEvidenceIds: [],
    rights: ['holding', 'processing'],
    grade: 'GENERAL_2',
    personalInformation: false,
    shareAttribute: 'conditional',
    openAttribute: 'conditional',
    ...overrides,
  };
}

/**
 * A complete product description by `providerName` (its registered name: the naming rule checks
 * it) deriving from `resourceIds` (registered resources of the same organization); override any field.
 */
export function validProductDescription(
  providerName: string,
  resourceIds: string[],
  overrides: Partial<ProductDescription> = {},
): ProductDescription {
  return {
    name: `${providerName}·城市道路交通流量·数据集·路段级逐小时`,
    summary: '路段级逐小时交通流量与车速数据集，适用于交通规划、物流路径优化与商业选址。',
    domain: 'transport',
    keywords: ['交通', '流量'],
    form: 'dataset',
    deliveryMethods: ['file_download', 'sandbox'],
    rightsChain: resourceIds.map((resourceId) => ({
      resourceId,
      right: 'processing',
      licenceEvidenceIds: [],
    })),
    sample: { exampleResponse: 'road_id,hour,volume,speed\nR001,2024-01-01T08:00,1520,32.5' },
    scenarios: [{ title: '物流路径优化', description: '物流企业按时段避开拥堵路段，降低配送时长。' }],
    usagePolicy: {
      permissions: [{ action: 'use', constraints: [{ kind: 'purpose', anyOf: ['交通规划', '物流优化'] }] }],
      prohibitions: [{ action: 'distribute', constraints: [] }],
    },
    pricing: { model: 'subscription', amountFen: 980_000, unit: 'year' },
    quality: { statement: '完整率 ≥ 99%，每日 06:00 前更新前一日数据。' },
    updateFrequency: 'daily',
    grade: 'GENERAL_2',
    personalInformation: false,
    openAttribute: 'conditional',
    visibility: 'public',
    contact: { name: '李娜', phone: '13812345678', email: 'lina@example.cn' },
    ...overrides,
  };
}
