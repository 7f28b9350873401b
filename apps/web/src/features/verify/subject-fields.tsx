/**
 * What a participant credential's subject says, with labels and domain terms in the UI language.
 * Fields this page does not know are listed under their own names, so nothing is hidden.
 */
import {
  CASE_TYPES,
  DATA_RIGHTS,
  ENTITY_TYPES,
  isOneOf,
  MERCHANT_SUBTYPES,
  PARTICIPANT_ROLES,
  provinceOf,
  SERVICE_TYPES,
  SUBJECT_KINDS,
} from '@shuliu/core';
import { Tag, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { formatTime } from '../applications/application-timeline';

/** One label–value pair of an antd Descriptions. */
type DescriptionsItem = NonNullable<DescriptionsProps['items']>[number];

const KNOWN = [
  'name',
  'unifiedSocialCreditCode',
  'entityType',
  'divisionCode',
  'roles',
  'merchantSubtypes',
  'serviceTypes',
  'credentialNumber',
  'registeredAt',
  // Registration certificates (登记证书).
  'certificateNumber',
  'certificateVersion',
  'subjectName',
  'subjectKind',
  'caseType',
  'caseNumber',
  'summary',
  'holder',
  'rights',
  'contentHash',
  'previousCertificate',
] as const;
type KnownField = (typeof KNOWN)[number];

function isKnown(key: string): key is KnownField {
  return KNOWN.some((k) => k === key);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A printable form of any JSON value. */
function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  return JSON.stringify(value);
}

/** A certificate holder `{name, unifiedSocialCreditCode}` as `name（code）`. */
function holderText(value: unknown): ReactNode {
  if (typeof value !== 'object' || value === null) return show(value);
  const name: unknown = Reflect.get(value, 'name');
  const code: unknown = Reflect.get(value, 'unifiedSocialCreditCode');
  return (
    <>
      {typeof name === 'string' ? name : '—'}
      {typeof code === 'string' ? <span className="mono"> {code}</span> : null}
    </>
  );
}

function renderKnown(
  field: KnownField,
  value: unknown,
  t: TFunction<['verify', 'vocab', 'common']>,
  lang: 'zh' | 'en',
): ReactNode {
  const text = typeof value === 'string' ? value : show(value);
  switch (field) {
    case 'name':
      return text;
    case 'unifiedSocialCreditCode':
    case 'credentialNumber':
      return <span className="mono">{text}</span>;
    case 'entityType':
      return isOneOf(ENTITY_TYPES, text) ? t(`vocab:entityTypes.${text}`) : text;
    case 'divisionCode': {
      const province = provinceOf(text);
      return province ? t('common:withNote', { text, note: province[lang] }) : text;
    }
    case 'roles':
      return strings(value).map((role) => (
        <Tag key={role} color="blue" variant="outlined">
          {isOneOf(PARTICIPANT_ROLES, role) ? t(`vocab:roles.${role}`) : role}
        </Tag>
      ));
    case 'merchantSubtypes':
      return strings(value).map((s) => (
        <Tag key={s}>{isOneOf(MERCHANT_SUBTYPES, s) ? t(`vocab:merchantSubtypes.${s}`) : s}</Tag>
      ));
    case 'serviceTypes':
      return strings(value).map((s) => (
        <Tag key={s}>{isOneOf(SERVICE_TYPES, s) ? t(`vocab:serviceTypes.${s}`) : s}</Tag>
      ));
    case 'registeredAt':
      return formatTime(text);
    case 'certificateNumber':
    case 'caseNumber':
    case 'previousCertificate':
    case 'contentHash':
      return <span className="mono-wrap">{text}</span>;
    case 'certificateVersion':
    case 'subjectName':
    case 'summary':
      return text;
    case 'subjectKind':
      return isOneOf(SUBJECT_KINDS, text) ? t(`vocab:subjectKinds.${text}`) : text;
    case 'caseType':
      return isOneOf(CASE_TYPES, text) ? t(`vocab:caseTypes.${text}`) : text;
    case 'holder':
      return holderText(value);
    case 'rights':
      return strings(value).map((right) => (
        <Tag key={right} color="blue" variant="outlined">
          {isOneOf(DATA_RIGHTS, right) ? t(`vocab:dataRights.${right}`) : right}
        </Tag>
      ));
  }
}

/** Description items for the subject's fields, known ones first. */
export function subjectItems(
  subject: Record<string, unknown>,
  t: TFunction<['verify', 'vocab', 'common']>,
  lang: 'zh' | 'en',
): DescriptionsItem[] {
  const entries = Object.entries(subject).filter(
    ([, value]) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0),
  );
  const known = KNOWN.flatMap((field) => {
    const entry = entries.find(([key]) => key === field);
    return entry
      ? [
          {
            key: `subject-${field}`,
            label: t(`subject.${field}`),
            children: renderKnown(field, entry[1], t, lang),
          },
        ]
      : [];
  });
  const others = entries
    .filter(([key]) => !isKnown(key))
    .map(([key, value]) => ({
      key: `subject-${key}`,
      label: key,
      children: <span className="mono-wrap">{show(value)}</span>,
    }));
  return [...known, ...others];
}
