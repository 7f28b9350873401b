/** The words for a facet value: vocabulary terms, province names, or the provider's name. */
import {
  DATA_DOMAINS,
  DATA_GRADES,
  DELIVERY_METHODS,
  OPEN_ATTRIBUTES,
  PRICING_MODELS,
  PRODUCT_FORMS,
  provinceOf,
  UPDATE_FREQUENCIES,
} from '@shuliu/core';
import type { TFunction } from 'i18next';
import type { CatalogFacet } from './catalog-url';

function includes<T extends string>(list: readonly T[], value: string): value is T {
  return list.some((item) => item === value);
}

/** The label of `value` in `facet`; `label` is the server's display name (providers). */
export function facetLabel(
  facet: CatalogFacet,
  value: string,
  label: string | null,
  t: TFunction<['catalog', 'vocab']>,
  lang: 'zh' | 'en',
): string {
  switch (facet) {
    case 'domain':
      return includes(DATA_DOMAINS, value) ? t(`vocab:dataDomains.${value}`) : value;
    case 'form':
      return includes(PRODUCT_FORMS, value) ? t(`vocab:productForms.${value}`) : value;
    case 'grade':
      return includes(DATA_GRADES, value) ? t(`vocab:dataGrades.${value}`) : value;
    case 'pricingModel':
      return includes(PRICING_MODELS, value) ? t(`vocab:pricingModels.${value}`) : value;
    case 'openAttribute':
      return includes(OPEN_ATTRIBUTES, value) ? t(`vocab:openAttributes.${value}`) : value;
    case 'region':
      return provinceOf(value)?.[lang] ?? value;
    case 'provider':
      return label ?? value;
  }
}

/** Vocabulary groups the product page shows from plain strings. */
export type TermGroup = 'form' | 'domain' | 'frequency' | 'delivery' | 'open';

/** The label of a vocabulary term, or the value itself when it is not a known term. */
export function termLabel(group: TermGroup, value: string, t: TFunction<['catalog', 'vocab']>): string {
  switch (group) {
    case 'form':
      return includes(PRODUCT_FORMS, value) ? t(`vocab:productForms.${value}`) : value;
    case 'domain':
      return includes(DATA_DOMAINS, value) ? t(`vocab:dataDomains.${value}`) : value;
    case 'frequency':
      return includes(UPDATE_FREQUENCIES, value) ? t(`vocab:updateFrequencies.${value}`) : value;
    case 'delivery':
      return includes(DELIVERY_METHODS, value) ? t(`vocab:deliveryMethods.${value}`) : value;
    case 'open':
      return includes(OPEN_ATTRIBUTES, value) ? t(`vocab:openAttributes.${value}`) : value;
  }
}
