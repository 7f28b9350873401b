import { describe, expect, it } from 'vitest';
import { offeredForwardActions } from './decision-rules';

const afterFormal = ['start_substantive_review', 'start_publicity', 'return', 'reject'];

describe('offeredForwardActions', () => {
  it('offers only the substantive review after the formal review when the regime requires it', () => {
    expect(offeredForwardActions(afterFormal, 'formal_review', true)).toEqual(['start_substantive_review']);
  });

  it('offers publicity, never a substantive review, when the regime has none', () => {
    expect(offeredForwardActions(afterFormal, 'formal_review', false)).toEqual(['start_publicity']);
  });

  it('offers publicity after the substantive review', () => {
    expect(offeredForwardActions(['start_publicity', 'return'], 'substantive_review', true)).toEqual([
      'start_publicity',
    ]);
  });

  it('offers nothing the server does not allow', () => {
    expect(offeredForwardActions(['accept', 'reject'], 'submitted', true)).toEqual(['accept']);
    expect(offeredForwardActions([], 'publicity', false)).toEqual([]);
  });
});
