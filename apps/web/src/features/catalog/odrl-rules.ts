/**
 * Reads an ODRL 2.2 offer (as the catalog's product page and `toOdrlOffer` produce it) back into the
 * closed set of constraints the platform uses (purpose, period, count, region, recipient role), so
 * the page can say the policy in words. Anything outside that set is kept as `other`, never dropped.
 */
import type { PolicyConstraint } from '@shuliu/core';

/** A constraint in words-ready form. */
export type ReadConstraint = PolicyConstraint | { kind: 'other'; text: string };

/** One permission or prohibition. */
export interface ReadRule {
  permitted: boolean;
  action: string;
  constraints: ReadConstraint[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is string => typeof v === 'string');
}

function dateOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isRecord(value) && typeof value['@value'] === 'string') return value['@value'];
  return '';
}

function actionOf(value: unknown): string {
  if (typeof value === 'string') return value.replace(/^odrl:/, '');
  if (isRecord(value) && typeof value['@id'] === 'string') return value['@id'].replace(/^odrl:/, '');
  return JSON.stringify(value);
}

function readConstraints(list: unknown): ReadConstraint[] {
  const out: ReadConstraint[] = [];
  let period: { from: string; to: string } | null = null;
  for (const c of Array.isArray(list) ? list : []) {
    if (!isRecord(c)) continue;
    const left = typeof c.leftOperand === 'string' ? c.leftOperand.replace(/^odrl:/, '') : '';
    const right = c.rightOperand;
    if (left === 'purpose') out.push({ kind: 'purpose', anyOf: strings(right) });
    else if (left === 'spatial') out.push({ kind: 'region', anyOf: strings(right) });
    else if (left === 'recipient') out.push({ kind: 'recipient_role', anyOf: strings(right) });
    else if (left === 'count' && typeof right === 'number') out.push({ kind: 'count', max: right });
    else if (left === 'dateTime' && (c.operator === 'gteq' || c.operator === 'lteq')) {
      if (!period) {
        period = { from: '', to: '' };
        out.push({ kind: 'period', from: '', to: '' });
      }
      if (c.operator === 'gteq') period.from = dateOf(right);
      else period.to = dateOf(right);
    } else out.push({ kind: 'other', text: JSON.stringify(c) });
  }
  // The period was pushed before both ends were read: put the completed one in its place.
  return out.map((c) =>
    c.kind === 'period' && period ? { kind: 'period', from: period.from, to: period.to } : c,
  );
}

function readRules(list: unknown, permitted: boolean): ReadRule[] {
  return (Array.isArray(list) ? list : []).filter(isRecord).map((rule) => ({
    permitted,
    action: actionOf(rule.action),
    constraints: readConstraints(rule.constraint),
  }));
}

/** Permissions then prohibitions of `offer`; an unreadable offer has none. */
export function readOdrlRules(offer: unknown): ReadRule[] {
  if (!isRecord(offer)) return [];
  return [...readRules(offer.permission, true), ...readRules(offer.prohibition, false)];
}
