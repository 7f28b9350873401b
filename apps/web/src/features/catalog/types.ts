/** The catalog's answers, from the generated SDK (apps/server/src/modules/catalog/catalog.schemas.ts). */
import type { Schemas } from '../../app/sdk';

/** A page of search results with facet counts. */
export type CatalogSearch = Schemas['CatalogSearch'];
/** One search hit. */
export type CatalogHit = Schemas['CatalogHit'];
/** One value of a facet with its count. */
export type FacetValue = CatalogSearch['facets']['domain'][number];
/** The product page. */
export type CatalogProductPage = Schemas['CatalogProductPage'];
/** A dataset version backing a product: its quality figures and published sample. */
export type CatalogProductDataset = Schemas['CatalogProductDataset'];
