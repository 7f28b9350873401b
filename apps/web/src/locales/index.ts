/**
 * The bundled translations. Both languages have the same namespaces and keys
 * (`locales.test.ts` fails otherwise).
 */
import enAccount from './en/account.json';
import enAdmin from './en/admin.json';
import enApplications from './en/applications.json';
import enAuth from './en/auth.json';
import enCommon from './en/common.json';
import enHome from './en/home.json';
import enOrganization from './en/organization.json';
import enParticipants from './en/participants.json';
import enRegistry from './en/registry.json';
import enReview from './en/review.json';
import enVerify from './en/verify.json';
import enVocab from './en/vocab.json';
import enCatalog from './en/catalog.json';
import enCertificates from './en/certificates.json';
import enDatasets from './en/datasets.json';
import enNotices from './en/notices.json';
import enRegistrationReview from './en/registrationReview.json';
import zhAccount from './zh-CN/account.json';
import zhAdmin from './zh-CN/admin.json';
import zhApplications from './zh-CN/applications.json';
import zhAuth from './zh-CN/auth.json';
import zhCommon from './zh-CN/common.json';
import zhHome from './zh-CN/home.json';
import zhOrganization from './zh-CN/organization.json';
import zhParticipants from './zh-CN/participants.json';
import zhRegistry from './zh-CN/registry.json';
import zhReview from './zh-CN/review.json';
import zhVerify from './zh-CN/verify.json';
import zhVocab from './zh-CN/vocab.json';
import zhCatalog from './zh-CN/catalog.json';
import zhCertificates from './zh-CN/certificates.json';
import zhDatasets from './zh-CN/datasets.json';
import zhNotices from './zh-CN/notices.json';
import zhRegistrationReview from './zh-CN/registrationReview.json';

/** Namespaces, one per feature plus `common` (shell, shared words) and `vocab` (domain terms). */
export const NAMESPACES = [
  'common',
  'vocab',
  'home',
  'auth',
  'applications',
  'organization',
  'review',
  'participants',
  'verify',
  'account',
  'admin',
  'registry',
  'registrationReview',
  'notices',
  'certificates',
  'catalog',
  'datasets',
] as const;

const zhCN = {
  common: zhCommon,
  vocab: zhVocab,
  home: zhHome,
  auth: zhAuth,
  applications: zhApplications,
  organization: zhOrganization,
  review: zhReview,
  participants: zhParticipants,
  verify: zhVerify,
  account: zhAccount,
  admin: zhAdmin,
  registry: zhRegistry,
  registrationReview: zhRegistrationReview,
  notices: zhNotices,
  certificates: zhCertificates,
  catalog: zhCatalog,
  datasets: zhDatasets,
};

const en = {
  common: enCommon,
  vocab: enVocab,
  home: enHome,
  auth: enAuth,
  applications: enApplications,
  organization: enOrganization,
  review: enReview,
  participants: enParticipants,
  verify: enVerify,
  account: enAccount,
  admin: enAdmin,
  registry: enRegistry,
  registrationReview: enRegistrationReview,
  notices: enNotices,
  certificates: enCertificates,
  catalog: enCatalog,
  datasets: enDatasets,
};

/** All translations, by language then namespace. */
export const resources = { 'zh-CN': zhCN, en };

/** The shape the typed `t()` checks keys against. */
export type Resources = typeof zhCN;
