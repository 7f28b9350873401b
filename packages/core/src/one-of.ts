/** True when `value` is one of the closed vocabulary `list` (narrows its type), for values read back from storage or tokens. */
export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
