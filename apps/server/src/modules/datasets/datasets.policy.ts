/**
 * Who may call each datasets route. Membership of the holding organization (write, export) and
 * staff reading (review, supervision) are decided in the service from the record.
 */
import { publicPolicy, signedInPolicy } from '../../platform/http/policy.js';

export const datasetsPolicies = {
  /** Create datasets, add versions, make samples: members of the holding organization. */
  write: signedInPolicy('datasets.write', 'write'),
  /** Read datasets, versions, previews: members, and exchange staff or the regulator (masked). */
  read: signedInPolicy('datasets.read', 'read'),
  /** Stream the full data: members of the holding organization only. */
  export: signedInPolicy('datasets.export', 'read'),
  /** A published sample: anyone. */
  publicSample: publicPolicy('datasets.sample.read_public'),
};
