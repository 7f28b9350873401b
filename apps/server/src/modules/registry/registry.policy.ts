/**
 * Who may call each registry route. Organization membership, participant status and whether a
 * record may be seen are decided in the service from the record (404 rather than reveal it exists).
 */
import { signedInPolicy } from '../../platform/http/policy.js';

export const registryPolicies = {
  /** Create, save and delete drafts for an organization the caller belongs to. */
  write: signedInPolicy('registry.subject.write', 'write'),
  /** Read the caller's organizations' subjects (staff: all; registered ones: anyone signed in). */
  read: signedInPolicy('registry.subject.read', 'read'),
  /** Run the online connectivity test of an API product of the caller's organization. */
  testConnectivity: signedInPolicy('registry.product.test_connectivity', 'write'),
};

/** Platform roles that may read every subject (review, supervision). */
export const STAFF_ROLES = ['exchange_admin', 'exchange_reviewer', 'regulator'] as const;
