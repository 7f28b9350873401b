/**
 * The `?next=` target after signing in, only when it is a path on this site (an absolute URL or
 * `//host` would make the login page an open redirect).
 */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
