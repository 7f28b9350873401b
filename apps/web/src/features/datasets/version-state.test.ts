import { describe, expect, it } from 'vitest';
import {
  defaultVersionNumber,
  hasActiveVersion,
  isVersionActive,
  latestReadyVersion,
  stageKey,
} from './version-state';

describe('version state', () => {
  it('polls while a version is uploaded or processing', () => {
    expect(isVersionActive('uploaded')).toBe(true);
    expect(isVersionActive('processing')).toBe(true);
    expect(isVersionActive('ready')).toBe(false);
    expect(hasActiveVersion([{ state: 'ready' }, { state: 'failed' }])).toBe(false);
    expect(hasActiveVersion([{ state: 'ready' }, { state: 'processing' }])).toBe(true);
    expect(hasActiveVersion(undefined)).toBe(false);
  });

  it('shows the newest ready version first, else the newest', () => {
    expect(
      defaultVersionNumber([
        { number: 3, state: 'processing' },
        { number: 1, state: 'ready' },
        { number: 2, state: 'ready' },
      ]),
    ).toBe(2);
    expect(
      defaultVersionNumber([
        { number: 1, state: 'failed' },
        { number: 2, state: 'uploaded' },
      ]),
    ).toBe(2);
    expect(defaultVersionNumber([])).toBeUndefined();
  });
});

describe('stageKey', () => {
  it('names known stages and treats anything else as queued', () => {
    expect(stageKey('profile')).toBe('profile');
    expect(stageKey(null)).toBe('queued');
    expect(stageKey('something_new')).toBe('queued');
  });
});

describe('latestReadyVersion', () => {
  it('skips newer versions that failed or are still processing', () => {
    const versions = [
      { number: 3, state: 'processing' as const },
      { number: 2, state: 'failed' as const },
      { number: 1, state: 'ready' as const },
    ];
    expect(latestReadyVersion(versions)?.number).toBe(1);
    expect(latestReadyVersion([{ number: 1, state: 'failed' as const }])).toBeUndefined();
  });
});
