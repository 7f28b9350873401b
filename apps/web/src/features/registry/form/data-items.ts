/**
 * Helpers of the data-items table: reading field names from a pasted CSV header, guessing whether a
 * field holds personal information (a suggestion the holder confirms, never a decision), and
 * whether any item makes the resource contain personal information.
 */
import type { DataItem, ItemSensitivity } from '@shuliu/core';

/** Most data items one resource lists. */
export const MAX_DATA_ITEMS = 500;

/**
 * Field names from the first line of pasted CSV/TSV text: split on commas or tabs, quotes and a
 * byte-order mark removed, blanks and duplicates dropped.
 */
export function parseCsvHeader(text: string): string[] {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  const names = first
    .split(/[,\t，]/)
    .map((cell) =>
      cell
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .trim(),
    )
    .filter((cell) => cell.length > 0);
  return [...new Set(names)].slice(0, MAX_DATA_ITEMS);
}

const SENSITIVE = [
  /身份证|证件号|id_?card|idno|病|诊断|health|medical|银行卡|bank|account_no|宗教|religion|生物|biometric|指纹|face|行踪|轨迹|trajectory/i,
];
const PERSONAL = [
  /姓名|name$|^name|手机|phone|mobile|tel|邮箱|email|住址|address|出生|birth|车牌|plate|微信|wechat|ip_?addr/i,
];

/** A guess of a field's sensitivity from its name (GB/T 35273 categories); `none` when unsure. */
export function guessSensitivity(fieldName: string): ItemSensitivity {
  const name = fieldName.trim();
  if (SENSITIVE.some((re) => re.test(name))) return 'sensitive_personal';
  if (PERSONAL.some((re) => re.test(name))) return 'personal';
  return 'none';
}

/** New data-item rows for pasted field names. */
export function itemsFromHeader(text: string): DataItem[] {
  return parseCsvHeader(text).map((name) => ({
    name,
    type: 'string',
    description: '',
    sensitivity: guessSensitivity(name),
  }));
}

/** True when any item is personal or sensitive personal information. */
export function hasPersonalItems(items: readonly (Partial<DataItem> | undefined)[] | undefined): boolean {
  return (items ?? []).some(
    (item) => item?.sensitivity === 'personal' || item?.sensitivity === 'sensitive_personal',
  );
}
