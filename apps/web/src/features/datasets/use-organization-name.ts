/** The name of an organization the signed-in user belongs to (datasets carry only its id). */
import { useAuth } from '../../app/auth';

/** A function from organization id to its name, or the id for organizations the user is not in. */
export function useOrganizationName(): (organizationId: string) => string {
  const { me } = useAuth();
  const names = new Map((me?.organizations ?? []).map((org) => [org.id, org.name]));
  return (organizationId) => names.get(organizationId) ?? organizationId;
}
