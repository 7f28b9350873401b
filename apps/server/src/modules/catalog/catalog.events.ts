/** Event types the catalog module records (subject type `product`). */
export const CATALOG_EVENTS = {
  /** 上架: the product entered the catalog (by its owner, or again after a suspension ended). */
  productListed: 'catalog.product.listed',
  /** 下架: the product left the catalog (by its owner, exchange staff, or its registration ending). */
  productDelisted: 'catalog.product.delisted',
  /** A listed product's entry was rebuilt from a new certificate version. */
  productReindexed: 'catalog.product.reindexed',
} as const;
