/**
 * Who may call each catalog route. Record-level checks (owner or admin of the product's organization;
 * exchange staff) are in the service, which answers 404 rather than reveal a product.
 */
import { publicPolicy, signedInPolicy } from '../../platform/http/policy.js';

export const catalogPolicies = {
  search: publicPolicy('catalog.search'),
  readProduct: publicPolicy('catalog.product.read'),
  list: signedInPolicy('catalog.product.list', 'write'),
  delist: signedInPolicy('catalog.product.delist', 'write'),
};
