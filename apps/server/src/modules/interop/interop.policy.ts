/**
 * Who may call the interop routes: anyone. They expose only what the public catalog shows (public
 * entries, publishable resources, masked contacts), which the source enforces in its queries.
 */
import { publicPolicy } from '../../platform/http/policy.js';

export const interopPolicies = {
  readDcat: publicPolicy('interop.dcat.read'),
  readCkan: publicPolicy('interop.ckan.read'),
};
