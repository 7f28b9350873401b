/**
 * Namespaces and the controlled vocabularies DCAT-AP 3 expects (the EU Publications Office authority
 * tables, "MDR" NALs), with the mapping of our vocabularies (packages/core) onto them. Kept apart from
 * the mapping so a reviewer can check each correspondence in one place.
 */
import type { DataDomain, DataFormat, UpdateFrequency } from '@shuliu/core';

/** Namespace IRIs, also the prefixes of the Turtle and JSON-LD outputs. */
export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatap: 'http://data.europa.eu/r5r/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  odrl: 'http://www.w3.org/ns/odrl/2/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  adms: 'http://www.w3.org/ns/adms#',
  hydra: 'http://www.w3.org/ns/hydra/core#',
} as const;

/** The EU authority tables used below. */
export const AUTHORITY = {
  frequency: 'http://publications.europa.eu/resource/authority/frequency',
  dataTheme: 'http://publications.europa.eu/resource/authority/data-theme',
  fileType: 'http://publications.europa.eu/resource/authority/file-type',
  language: 'http://publications.europa.eu/resource/authority/language',
  accessRight: 'http://publications.europa.eu/resource/authority/access-right',
  country: 'http://publications.europa.eu/resource/authority/country',
  publisherType: 'http://purl.org/adms/publishertype/1.0',
  availability: 'http://publications.europa.eu/resource/authority/planned-availability',
} as const;

/** A concept of an authority table: its code and labels (labels are repeated in our exports). */
export interface AuthorityConcept {
  scheme: keyof typeof AUTHORITY;
  code: string;
  zh: string;
  en: string;
}

/** The IRI of a concept, e.g. `…/frequency/DAILY`. Publisher types use the ADMS namespace. */
export function conceptIri(concept: AuthorityConcept): string {
  if (concept.scheme === 'publisherType') return `http://purl.org/adms/publishertype/${concept.code}`;
  return `${AUTHORITY[concept.scheme]}/${concept.code}`;
}

/** Titles of the schemes, which the DCAT-AP shapes require once a scheme is typed skos:ConceptScheme. */
export const SCHEME_TITLES: Record<keyof typeof AUTHORITY, string> = {
  frequency: 'Frequency',
  dataTheme: 'Data theme',
  fileType: 'File type',
  language: 'Language',
  accessRight: 'Access right',
  country: 'Country',
  publisherType: 'Publisher type',
  availability: 'Planned availability',
};

const concept = (scheme: AuthorityConcept['scheme'], code: string, zh: string, en: string) => ({
  scheme,
  code,
  zh,
  en,
});

/** Update frequency → EU frequency NAL. `once` is published once and not updated (NEVER). */
export const FREQUENCY_CONCEPTS: Record<UpdateFrequency, AuthorityConcept> = {
  realtime: concept('frequency', 'UPDATE_CONT', '实时更新', 'continuously updated'),
  daily: concept('frequency', 'DAILY', '每日', 'daily'),
  weekly: concept('frequency', 'WEEKLY', '每周', 'weekly'),
  monthly: concept('frequency', 'MONTHLY', '每月', 'monthly'),
  quarterly: concept('frequency', 'QUARTERLY', '每季度', 'quarterly'),
  yearly: concept('frequency', 'ANNUAL', '每年', 'annual'),
  irregular: concept('frequency', 'IRREG', '不定期', 'irregular'),
  once: concept('frequency', 'NEVER', '一次性', 'never'),
};

const THEME = {
  AGRI: concept('dataTheme', 'AGRI', '农业、渔业、林业和食品', 'Agriculture, fisheries, forestry and food'),
  ECON: concept('dataTheme', 'ECON', '经济和金融', 'Economy and finance'),
  EDUC: concept('dataTheme', 'EDUC', '教育、文化和体育', 'Education, culture and sport'),
  ENER: concept('dataTheme', 'ENER', '能源', 'Energy'),
  ENVI: concept('dataTheme', 'ENVI', '环境', 'Environment'),
  GOVE: concept('dataTheme', 'GOVE', '政府和公共部门', 'Government and public sector'),
  HEAL: concept('dataTheme', 'HEAL', '健康', 'Health'),
  REGI: concept('dataTheme', 'REGI', '区域和城市', 'Regions and cities'),
  TECH: concept('dataTheme', 'TECH', '科学和技术', 'Science and technology'),
  TRAN: concept('dataTheme', 'TRAN', '交通', 'Transport'),
};

/** Our domains → EU data themes; `other` has no theme rather than a wrong one. */
export const THEME_CONCEPTS: Record<DataDomain, AuthorityConcept | null> = {
  agriculture: THEME.AGRI,
  manufacturing: THEME.ECON,
  finance: THEME.ECON,
  transport: THEME.TRAN,
  healthcare: THEME.HEAL,
  education: THEME.EDUC,
  energy: THEME.ENER,
  meteorology: THEME.ENVI,
  geospatial: THEME.REGI,
  commerce: THEME.ECON,
  public_service: THEME.GOVE,
  science: THEME.TECH,
  culture_tourism: THEME.EDUC,
  telecom: THEME.TECH,
  environment: THEME.ENVI,
  other: null,
};

/** Data formats → EU file-type NAL; `other` has no format rather than a wrong one. */
export const FILE_TYPE_CONCEPTS: Record<DataFormat, AuthorityConcept | null> = {
  csv: concept('fileType', 'CSV', 'CSV', 'CSV'),
  json: concept('fileType', 'JSON', 'JSON', 'JSON'),
  parquet: concept('fileType', 'PARQUET', 'Parquet', 'Parquet'),
  xlsx: concept('fileType', 'XLSX', 'Excel XLSX', 'Excel XLSX'),
  xml: concept('fileType', 'XML', 'XML', 'XML'),
  database: concept('fileType', 'SQL', 'SQL', 'SQL'),
  api: concept('fileType', 'JSON', 'JSON', 'JSON'),
  document: concept('fileType', 'PDF', 'PDF', 'PDF'),
  other: null,
};

/** Access rights: open without conditions → PUBLIC; anything bought or granted → RESTRICTED. */
export const ACCESS_RIGHTS = {
  public: concept('accessRight', 'PUBLIC', '公开', 'public'),
  restricted: concept('accessRight', 'RESTRICTED', '受限', 'restricted'),
} as const;

export const CHINESE_LANGUAGE = concept('language', 'ZHO', '中文', 'Chinese');
export const CHINA = concept('country', 'CHN', '中国', 'China');
/** Listed products and registered resources stay available while listed or registered. */
export const AVAILABLE = concept('availability', 'AVAILABLE', '可用', 'available');
export const COMPANY_PUBLISHER = concept('publisherType', 'Company', '企业', 'Company');
