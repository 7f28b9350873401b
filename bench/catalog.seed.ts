/**
 * Realistic catalog entries for the catalog benchmark: names and summaries composed from regions ×
 * industries × subjects × forms × granularities × providers × templates (Chinese, and ~20 % English),
 * indexed with the server's real jieba indexing function, and written in batches through the same
 * `unnest` insert the server uses. Deterministic (seeded PRNG), so runs are comparable.
 */
import {
  DATA_GRADES,
  PRICING_MODELS,
  PRODUCT_FORM_LABELS,
  PRODUCT_FORMS,
  type DataDomain,
  type ProductDescription,
} from '@shuliu/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../apps/server/src/platform/db/database.js';
import { indexProduct, type CatalogRow } from '../apps/server/src/modules/catalog/catalog.indexing.js';
import { catalogRepository } from '../apps/server/src/modules/catalog/catalog.repository.js';

/** A small fast PRNG (mulberry32). */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  return { next, pick };
}

export const CITIES: readonly [string, string, string][] = [
  ['上海', 'Shanghai', '310100'],
  ['浦东', 'Pudong', '310115'],
  ['北京', 'Beijing', '110100'],
  ['海淀', 'Haidian', '110108'],
  ['深圳', 'Shenzhen', '440300'],
  ['广州', 'Guangzhou', '440100'],
  ['杭州', 'Hangzhou', '330100'],
  ['宁波', 'Ningbo', '330200'],
  ['成都', 'Chengdu', '510100'],
  ['武汉', 'Wuhan', '420100'],
  ['西安', "Xi'an", '610100'],
  ['南京', 'Nanjing', '320100'],
  ['苏州', 'Suzhou', '320500'],
  ['无锡', 'Wuxi', '320200'],
  ['重庆', 'Chongqing', '500100'],
  ['天津', 'Tianjin', '120100'],
  ['长春', 'Changchun', '220100'],
  ['厦门', 'Xiamen', '350200'],
  ['福州', 'Fuzhou', '350100'],
  ['贵阳', 'Guiyang', '520100'],
  ['合肥', 'Hefei', '340100'],
  ['郑州', 'Zhengzhou', '410100'],
  ['长沙', 'Changsha', '430100'],
  ['济南', 'Jinan', '370100'],
  ['青岛', 'Qingdao', '370200'],
  ['沈阳', 'Shenyang', '210100'],
  ['大连', 'Dalian', '210200'],
  ['哈尔滨', 'Harbin', '230100'],
  ['昆明', 'Kunming', '530100'],
  ['南宁', 'Nanning', '450100'],
  ['石家庄', 'Shijiazhuang', '130100'],
  ['太原', 'Taiyuan', '140100'],
  ['呼和浩特', 'Hohhot', '150100'],
  ['兰州', 'Lanzhou', '620100'],
  ['乌鲁木齐', 'Urumqi', '650100'],
  ['海口', 'Haikou', '460100'],
  ['银川', 'Yinchuan', '640100'],
  ['西宁', 'Xining', '630100'],
  ['拉萨', 'Lhasa', '540100'],
  ['南昌', 'Nanchang', '360100'],
];

/** Per domain: Chinese subjects, English subjects, scenarios. */
export const SUBJECTS: Partial<Record<DataDomain, { zh: string[]; en: string[]; scenarios: string[] }>> = {
  transport: {
    zh: [
      '道路交通流量',
      '公交客流',
      '地铁进出站',
      '出租车订单',
      '共享单车骑行',
      '港口集装箱吞吐',
      '航班准点率',
      '货车轨迹',
      '停车泊位',
      '高速公路通行',
      '交通事故',
    ],
    en: [
      'Road Traffic Flow',
      'Bus Ridership',
      'Metro Entries',
      'Taxi Trips',
      'Bike Sharing Rides',
      'Port Container Throughput',
      'Flight Punctuality',
      'Truck Trajectories',
      'Parking Occupancy',
    ],
    scenarios: ['交通规划', '拥堵治理', '物流调度', '城市更新'],
  },
  finance: {
    zh: [
      '企业信用评分',
      '小微企业贷款',
      '票据流转',
      '保险理赔',
      '供应链金融',
      '反欺诈名单',
      '税务发票',
      '股权穿透',
    ],
    en: [
      'Corporate Credit Scores',
      'SME Lending',
      'Insurance Claims',
      'Supply Chain Finance',
      'Fraud Watchlist',
      'Equity Ownership',
    ],
    scenarios: ['信贷风控', '反洗钱', '授信审批', '保险定价'],
  },
  healthcare: {
    zh: ['医院门诊量', '药品流通', '医保结算', '疾病监测', '体检指标', '医疗器械注册'],
    en: ['Outpatient Visits', 'Drug Distribution', 'Medical Insurance Claims', 'Disease Surveillance'],
    scenarios: ['公共卫生', '医保控费', '药品研发'],
  },
  energy: {
    zh: ['电力负荷', '光伏发电', '充电桩状态', '天然气消费', '碳排放核算', '风电出力'],
    en: ['Power Load', 'Solar Generation', 'EV Charger Status', 'Carbon Emissions'],
    scenarios: ['电网调度', '碳核算', '能效管理'],
  },
  agriculture: {
    zh: ['农产品价格', '土壤墒情', '农机作业', '畜禽存栏', '粮食产量'],
    en: ['Crop Prices', 'Soil Moisture', 'Livestock Inventory', 'Grain Yield'],
    scenarios: ['价格监测', '农业保险', '种植决策'],
  },
  meteorology: {
    zh: ['气象观测', '降水预报', '台风路径', '空气质量'],
    en: ['Weather Observations', 'Precipitation Forecast', 'Typhoon Tracks', 'Air Quality'],
    scenarios: ['防灾减灾', '农业气象', '航运安全'],
  },
  commerce: {
    zh: ['电商交易', '门店客流', '商品价格指数', '跨境贸易', '消费券核销'],
    en: ['E-commerce Transactions', 'Store Footfall', 'Price Index', 'Cross-border Trade'],
    scenarios: ['选址分析', '营销投放', '消费监测'],
  },
  public_service: {
    zh: ['政务服务办件', '企业登记', '社保缴纳', '公积金缴存', '不动产登记'],
    en: ['Government Service Cases', 'Business Registrations', 'Social Insurance Payments'],
    scenarios: ['营商环境', '政务效能', '信用监管'],
  },
  geospatial: {
    zh: ['遥感影像', '兴趣点', '建筑轮廓', '人口热力'],
    en: ['Satellite Imagery', 'Points of Interest', 'Building Footprints', 'Population Heatmap'],
    scenarios: ['国土空间规划', '应急管理', '选址分析'],
  },
  telecom: {
    zh: ['基站信令', '宽带覆盖', '手机漫游'],
    en: ['Cell Signaling', 'Broadband Coverage', 'Roaming'],
    scenarios: ['人口流动分析', '网络优化'],
  },
  education: {
    zh: ['学位供给', '在线课程', '职业技能培训'],
    en: ['School Places', 'Online Courses', 'Vocational Training'],
    scenarios: ['教育资源配置', '就业匹配'],
  },
  environment: {
    zh: ['水质监测', '噪声监测', '固废处置', '排污许可'],
    en: ['Water Quality', 'Noise Monitoring', 'Solid Waste'],
    scenarios: ['环境执法', '生态保护'],
  },
  manufacturing: {
    zh: ['工业设备运行', '产能利用率', '工业用电', '质检缺陷'],
    en: ['Machine Telemetry', 'Capacity Utilization', 'Quality Defects'],
    scenarios: ['预测性维护', '产业分析'],
  },
  culture_tourism: {
    zh: ['景区客流', '酒店入住', '文旅消费'],
    en: ['Scenic Area Visitors', 'Hotel Occupancy', 'Tourism Spending'],
    scenarios: ['旅游营销', '客流预警'],
  },
};
const DOMAINS = Object.keys(SUBJECTS) as DataDomain[];
const GRAN_ZH = [
  '逐小时',
  '逐日',
  '月度',
  '季度',
  '年度',
  '实时',
  '路段级',
  '区县级',
  '街道级',
  '网格级',
  '企业级',
  '城市级',
  '省级',
  '脱敏明细',
];
const GRAN_EN = ['hourly', 'daily', 'monthly', 'real-time', 'district level', '1 km grid', 'city level'];
const METRICS = [
  '流量',
  '均值',
  '峰值',
  '同比增速',
  '环比',
  '覆盖率',
  '数量',
  '金额',
  '时长',
  '排名',
  '指数',
  '分布',
  '频次',
  '占比',
];
const METRICS_EN = [
  'volume',
  'average',
  'peak',
  'growth',
  'coverage',
  'count',
  'amount',
  'duration',
  'ranking',
  'index',
];
const P1 = ['数', '智', '云', '信', '联', '慧', '天', '华', '中', '新', '瑞', '博', '恒', '锐', '启'];
const P2 = ['流', '链', '图', '景', '策', '析', '源', '汇', '科', '元', '衡', '达', '通', '途', '擎'];
const SUFFIX = [
  '科技有限公司',
  '数据集团有限公司',
  '信息技术有限公司',
  '大数据有限公司',
  '数字科技股份有限公司',
];
const GRADES = DATA_GRADES.filter((g) => g !== 'CORE');

interface Provider {
  id: string;
  name: string;
  short: string;
  en: string;
  divisionCode: string;
  creditCode: string;
}

/** `count` providers spread over the cities. */
export function providers(count: number): Provider[] {
  const r = prng(7);
  return Array.from({ length: count }, (_, i) => {
    const [city, cityEn, code] = r.pick(CITIES);
    const core = `${r.pick(P1)}${r.pick(P2)}`;
    return {
      id: `org_bench_${String(i).padStart(5, '0')}`,
      name: `${city}${core}${r.pick(SUFFIX)}`,
      short: `${city}${core}`,
      en: `${cityEn} ${core.length > 0 ? `DataCo ${i}` : ''}`.trim(),
      divisionCode: code,
      creditCode: `91${code}MA${String(i).padStart(9, '0')}X`,
    };
  });
}

/** The description of entry `i` (deterministic). */
export function describe(i: number, provider: Provider, r: ReturnType<typeof prng>): ProductDescription {
  const domain = r.pick(DOMAINS);
  const vocab = SUBJECTS[domain] ?? { zh: ['数据'], en: ['Data'], scenarios: ['分析'] };
  const [city, cityEn] = r.pick(CITIES);
  const form = r.pick(PRODUCT_FORMS);
  const english = r.next() < 0.2;
  const scenario = r.pick(vocab.scenarios);
  const m1 = r.pick(METRICS);
  const m2 = r.pick(METRICS);
  let name: string;
  let summary: string;
  let subject: string;
  if (english) {
    subject = r.pick(vocab.en);
    const gran = r.pick(GRAN_EN);
    name = `${provider.short}·${cityEn} ${subject}·${PRODUCT_FORM_LABELS[form].en}·${gran}`;
    summary = `${r.pick(['Cleaned', 'Curated', 'Aggregated', 'Anonymized'])} ${subject.toLowerCase()} data for ${cityEn}, updated ${gran}, with ${r.pick(METRICS_EN)} and ${r.pick(METRICS_EN)} for ${r.pick(['planning', 'risk control', 'research', 'operations', 'marketing'])}.`;
  } else {
    subject = r.pick(vocab.zh);
    const gran = r.pick(GRAN_ZH);
    name = `${provider.short}·${city}${subject}·${PRODUCT_FORM_LABELS[form].zh}·${gran}`;
    const t = r.next();
    summary =
      t < 0.42
        ? `${city}${subject}统计数据，覆盖近${1 + Math.floor(r.next() * 9)}年，按${gran}更新，包含${m1}、${m2}等${3 + Math.floor(r.next() * 40)}项指标。`
        : t < 0.72
          ? `面向${scenario}的${subject}${PRODUCT_FORM_LABELS[form].zh}，提供${m1}与${m2}的${gran}查询与分析。`
          : `${provider.short}汇聚${city}${subject}，经清洗脱敏后提供${m1}、${m2}，适用于${scenario}。`;
  }
  const model = r.pick(PRICING_MODELS);
  return {
    name,
    summary,
    domain,
    keywords: [subject, scenario, english ? city : cityEn],
    form,
    deliveryMethods: ['file_download'],
    rightsChain: [],
    sample: {
      exampleResponse: `{"city":"${city}","metric":"${m1}","value":${Math.floor(r.next() * 10_000)}}`,
    },
    scenarios: [{ title: scenario, description: `${city}${scenario}场景下使用${subject}` }],
    usagePolicy: {
      permissions: [{ action: 'use', constraints: [{ kind: 'purpose', anyOf: [scenario] }] }],
      prohibitions: [{ action: 'distribute', constraints: [] }],
    },
    pricing: {
      model,
      amountFen: model === 'free_public_welfare' ? 0 : Math.floor(r.next() * 1_000_000),
      unit: 'order',
    },
    quality: { statement: `完整性 ${90 + Math.floor(r.next() * 10)}%` },
    updateFrequency: 'daily',
    grade: r.pick(GRADES),
    personalInformation: r.next() < 0.1,
    openAttribute: r.pick(['unconditional', 'conditional', 'not_open'] as const),
    visibility: r.next() < 0.85 ? 'public' : 'participants',
    contact: { name: '王小明', phone: '13900001111', email: `contact${i}@example.cn` },
  };
}

/** Builds the catalog row of entry `i` with the real indexing function. */
export function rowOf(i: number, list: Provider[], r: ReturnType<typeof prng>, start: number): CatalogRow {
  const provider = r.pick(list);
  const description = describe(i, provider, r);
  const at = new Date(start + Math.floor(r.next() * 3 * 365 * 86_400_000));
  return indexProduct({
    productId: `prd_bench_${String(i).padStart(8, '0')}`,
    organizationId: provider.id,
    description,
    visibility: description.visibility,
    provider: {
      name: provider.name,
      creditCode: provider.creditCode,
      participantCredentialNumber: `SLX-P-${i}`,
      divisionCode: provider.divisionCode,
    },
    certificate: { number: `SLX-RC-2026-${String(i).padStart(7, '0')}`, status: 'active' },
    listedAt: at,
    modifiedAt: at,
    publicUrl: 'http://127.0.0.1',
  });
}

/**
 * Seeds `total` rows: secondary indexes dropped first and rebuilt after (much faster than updating a
 * GIN index row by row), batches generated while the previous one is written.
 */
export async function seedCatalog(db: Db, total: number, log: (line: string) => void) {
  const { rows: indexes } = await db.execute<{ indexname: string; indexdef: string }>(
    sql`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'catalog_entries' AND indexname <> 'catalog_entries_pkey'`,
  );
  for (const index of indexes) await db.execute(sql.raw(`DROP INDEX ${index.indexname}`));
  const list = providers(3000);
  const r = prng(42);
  const start = Date.parse('2023-01-01T00:00:00Z');
  const batch = 2000;
  const started = performance.now();
  // Two batches in flight: PostgreSQL parses tsvectors and compresses documents on one core while
  // the next batch is segmented on the other.
  const inFlight = new Set<Promise<unknown>>();
  let generating = 0;
  for (let from = 0; from < total; from += batch) {
    const t0 = performance.now();
    const rows = Array.from({ length: Math.min(batch, total - from) }, (_, k) =>
      rowOf(from + k, list, r, start),
    );
    generating += performance.now() - t0;
    if (inFlight.size >= 2) await Promise.race(inFlight);
    const insert: Promise<unknown> = catalogRepository
      .insertMany(db, rows)
      .finally(() => inFlight.delete(insert));
    inFlight.add(insert);
    if ((from / batch) % 50 === 0)
      log(`  seeded ${from.toLocaleString()} rows (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  await Promise.all(inFlight);
  const loaded = performance.now();
  log(
    `  rows loaded in ${((loaded - started) / 1000).toFixed(1)} s (${(generating / 1000).toFixed(1)} s of it generating + jieba); rebuilding ${indexes.length} indexes …`,
  );
  await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL maintenance_work_mem = '1GB'`);
    for (const index of indexes) await tx.execute(sql.raw(index.indexdef));
  });
  await db.execute(sql`VACUUM ANALYZE catalog_entries`);
  const done = performance.now();
  log(`  indexes rebuilt and table analyzed in ${((done - loaded) / 1000).toFixed(1)} s`);
  return {
    seconds: (done - started) / 1000,
    generateSeconds: generating / 1000,
    indexSeconds: (done - loaded) / 1000,
  };
}
