/**
 * Client-side password rules, the same as the server's (`auth.weak_password`): at least 10
 * characters and not the email address.
 */
export const MIN_PASSWORD_LENGTH = 10;

/** Why `password` would be refused, or null. */
export function findPasswordProblem(password: string, email?: string): 'too_short' | 'same_as_email' | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) return 'same_as_email';
  return null;
}
