/**
 * A realistic customer-transactions CSV of a given size for the profile benchmark: ids, Chinese
 * names, resident ID numbers with a valid GB 11643 check character, mobiles, bank cards (about half
 * Luhn-valid), amounts, dates over two years, cities, categories, free-text remarks (some quoted with
 * commas inside), emails on 30 % of rows and ~3 % empty cells. Deterministic for a size and seed, and
 * kept between runs: a finished file is reused, a half-written one never is.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { idCheckCharacter } from '@shuliu/core';
import { prng } from '../catalog.seed.js';

/** Header of the generated file, in column order. */
export const CSV_COLUMNS = [
  '客户编号',
  '姓名',
  '身份证号',
  '手机号',
  '银行卡号',
  '交易金额',
  '交易日期',
  '城市',
  '类别',
  '备注',
  '邮箱',
] as const;

/** Bumped whenever the generated content changes, so stale files are not reused. */
const GENERATOR_VERSION = 1;
const BATCH_BYTES = 1 << 22;
/** No generated row is longer (remarks stop at 60 characters). */
const MAX_ROW_BYTES = 1024;

const words = (list: string) => list.split(' ');
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const COMPOUND_SURNAMES = words('欧阳 司马 上官 诸葛 东方 皇甫');
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国文斌宇浩凯俊帆子涵梓轩一诺欣怡佳琪雨晨思远博文志强海燕晓东春梅雪丹慧琳嘉怡天佑宏图永安德胜',
];
/** County-level division codes: the first six digits of an ID number. */
const DIVISIONS = words(
  '110101 110105 110108 120101 310101 310104 310115 320102 320506 330102 330106 340104 350203 370202 410105 ' +
    '420106 430104 440103 440305 440306 500103 510104 510107 610113 210102 220102 230103 450103 520102 530102',
);
const CITIES = words(
  '北京 上海 广州 深圳 杭州 南京 苏州 成都 重庆 武汉 西安 天津 长沙 郑州 青岛 厦门 合肥 沈阳 昆明 贵阳',
);
/** Values of the 类别 column. */
export const CATEGORIES = words(
  '餐饮美食 交通出行 日用百货 数码家电 服饰鞋包 医疗健康 教育培训 文化娱乐 住房物业 金融理财 旅游酒店 通讯缴费',
);
const CARD_PREFIXES = words('622202 622848 621700 622588 621226 622700 623058 620200 625911 622609');
const EMAIL_DOMAINS = words('qq.com 163.com 126.com sina.com foxmail.com example.cn corp.example.com');
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const REMARK_PARTS = words(
  '客户来电咨询账单明细 已核实身份信息 线上渠道办理 门店现场办理 分期付款第三期 退款已原路返回 商户名称与实际不符 ' +
    '请于下月初复核 系统自动对账 交易金额较大需人工审核 节假日促销活动 使用优惠券抵扣 客户要求开具发票 已发送短信提醒 ' +
    '跨行转账手续费 会员积分兑换 境外消费 夜间交易已确认本人操作 疑似重复扣款 补录上月遗漏记录 资料齐全 无异常 待回访',
);
// Mostly Chinese punctuation; an ASCII comma now and then, and those remarks are quoted.
const REMARK_GLUE = ['，', '；', '。', '，', ' ', '、', '，', ',', '；', '。', '，', ' '];

/** Luhn check digit for a card number without its last digit. */
export function luhnCheckDigit(partial: string): number {
  let sum = 0;
  for (let i = partial.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = partial.charCodeAt(i) - 48;
    if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** `YYYY-MM-DD` for every day from `from` through `days` days later. */
function dateStrings(from: string, days: number): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

/** Builds rows one at a time from a seeded generator. */
function rowWriter(seed: number) {
  const { next, pick } = prng(seed);
  const int = (n: number) => Math.floor(next() * n);
  /** `n` (≤ 9) random decimal digits. */
  const digits = (n: number) => String(int(10 ** n)).padStart(n, '0');
  const maybeEmpty = (value: string) => (next() < 0.03 ? '' : value);
  const transactionDays = dateStrings('2023-01-01', 731);
  const birthDays = dateStrings('1955-01-01', 50 * 365).map((d) => d.replaceAll('-', ''));

  const name = () => {
    const surname = next() < 0.01 ? pick(COMPOUND_SURNAMES) : pick(SURNAMES);
    return surname + pick(GIVEN) + (next() < 0.7 ? pick(GIVEN) : '');
  };
  const idNumber = () => {
    const body = pick(DIVISIONS) + pick(birthDays) + digits(3);
    return body + idCheckCharacter(body);
  };
  const bankCard = () => {
    const partial = pick(CARD_PREFIXES) + digits(6) + digits(3 + int(4)); // 16–19 digits in all
    const check = luhnCheckDigit(partial);
    return partial + String(next() < 0.5 ? check : (check + 1 + int(9)) % 10);
  };
  const amount = () => {
    // Mostly small purchases, a long tail of large ones.
    const value = Math.exp(next() * 9) * (0.5 + next());
    return (next() < 0.02 ? -value : value).toFixed(2);
  };
  const remark = () => {
    let text = pick(REMARK_PARTS);
    const target = 10 + int(51);
    while (text.length < target) text += pick(REMARK_GLUE) + pick(REMARK_PARTS);
    text = text.slice(0, target);
    if (next() < 0.01) text = `客户称“${text}”`.replaceAll('“', '"').replaceAll('”', '"');
    return text.includes(',') || text.includes('"') ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const email = () => {
    let local = '';
    const length = 5 + int(8);
    for (let i = 0; i < length; i++) local += next() < 0.7 ? LETTERS.charAt(int(26)) : String(int(10));
    return `${local}@${pick(EMAIL_DOMAINS)}`;
  };

  return (index: number) =>
    `C${String(index).padStart(7, '0')},${maybeEmpty(name())},${maybeEmpty(idNumber())},` +
    `${maybeEmpty(`1${3 + int(7)}${digits(9)}`)},${maybeEmpty(bankCard())},${maybeEmpty(amount())},` +
    `${maybeEmpty(pick(transactionDays))},${maybeEmpty(pick(CITIES))},${maybeEmpty(pick(CATEGORIES))},` +
    `${maybeEmpty(remark())},${next() < 0.3 ? email() : ''}\n`;
}

/** A generated file and how it came to be. */
export interface GeneratedCsv {
  path: string;
  bytes: number;
  rows: number;
  /** Milliseconds spent writing it in this run; 0 when an earlier run's file was reused. */
  generationMs: number;
  reused: boolean;
}

/**
 * Returns a CSV of at least `sizeMb` MiB (whole rows) in `dir`, writing it when no finished file
 * of that size and seed is there yet. Writes in 4 MiB batches and waits for the stream to drain.
 */
export async function ensureCsv(o: { dir: string; sizeMb: number; seed: number }): Promise<GeneratedCsv> {
  await mkdir(o.dir, { recursive: true });
  const base = `customers-${o.sizeMb}mb-seed${o.seed}-v${GENERATOR_VERSION}`;
  const path = join(o.dir, `${base}.csv`);
  const rowsFile = join(o.dir, `${base}.rows`);
  const existing = await stat(path).catch(() => null);
  const rowsMarker = await stat(rowsFile).catch(() => null);
  if (existing && rowsMarker) {
    const rows = Number(await readFile(rowsFile, 'utf8'));
    return { path, bytes: existing.size, rows, generationMs: 0, reused: true };
  }

  const started = performance.now();
  const partial = `${path}.partial`;
  const target = o.sizeMb * 1024 * 1024;
  const out = createWriteStream(partial);
  const nextRow = rowWriter(o.seed);
  let bytes = 0;
  let rows = 0;
  try {
    // Rows are encoded straight into a fresh buffer: no multi-megabyte strings for the GC to walk.
    let buffer = Buffer.allocUnsafe(BATCH_BYTES);
    let used = buffer.write(`${CSV_COLUMNS.join(',')}\n`);
    while (bytes + used < target) {
      used += buffer.write(nextRow(++rows), used);
      if (used < BATCH_BYTES - MAX_ROW_BYTES && bytes + used < target) continue;
      bytes += used;
      if (!out.write(buffer.subarray(0, used))) await once(out, 'drain');
      buffer = Buffer.allocUnsafe(BATCH_BYTES);
      used = 0;
    }
    out.end();
    await once(out, 'finish');
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
  await rename(partial, path);
  await writeFile(rowsFile, String(rows));
  return { path, bytes, rows, generationMs: Math.round(performance.now() - started), reused: false };
}
