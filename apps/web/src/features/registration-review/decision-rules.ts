/**
 * Which forward decisions the reviewer is offered. The server's `allowedActions` follows the state
 * machine, which allows both paths after the formal review; the regime decides which one applies
 * (the server refuses the other with a conflict), so the panel offers only that one.
 */
import type { ForwardTransition } from './api';

/** Forward transitions in the order they are offered. */
export const FORWARD: readonly ForwardTransition[] = [
  'accept',
  'start_formal_review',
  'start_substantive_review',
  'start_publicity',
];

/** The forward transitions to offer for a case in `state` under a regime with or without substantive review. */
export function offeredForwardActions(
  allowed: readonly string[],
  state: string,
  substantiveReview: boolean,
): ForwardTransition[] {
  return FORWARD.filter((action) => {
    if (!allowed.includes(action)) return false;
    if (action === 'start_substantive_review') return substantiveReview;
    if (action === 'start_publicity' && state === 'formal_review') return !substantiveReview;
    return true;
  });
}
