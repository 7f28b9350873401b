import { describe, expect, it } from 'vitest';
import { createRateMeter } from './transfer-rate';

describe('createRateMeter', () => {
  it('measures bytes per second since the first sample', () => {
    const meter = createRateMeter();
    expect(meter.sample(0, 0)).toBe(0);
    expect(meter.sample(1024, 1000)).toBe(1024);
    expect(meter.sample(4096, 2000)).toBe(2048);
  });

  it('forgets samples older than the window, so a stall lowers the speed', () => {
    const meter = createRateMeter(3000);
    meter.sample(0, 0);
    meter.sample(3_000_000, 1000);
    meter.sample(3_000_000, 5000);
    // The window now starts at the sample taken at 1 s: nothing was sent since.
    expect(meter.sample(3_000_000, 6000)).toBe(0);
  });

  it('starts over after a reset', () => {
    const meter = createRateMeter();
    meter.sample(0, 0);
    meter.sample(1000, 1000);
    meter.reset();
    expect(meter.sample(5000, 2000)).toBe(0);
    expect(meter.sample(6000, 3000)).toBe(1000);
  });
});
