/** Delaying a fast-changing value (typing) so queries run once the user pauses. */
import { useEffect, useState } from 'react';

/**
 * `value`, once it has stayed the same for `delayMs`.
 *
 * @example
 * const q = useDebouncedValue(search.trim(), 300);
 */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
