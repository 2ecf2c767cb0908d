import { doublingDelayMs } from './backoff';

describe('doublingDelayMs', () => {
  it('starts at the first wait, doubles, and stops at the ceiling', () => {
    expect([0, 1, 2, 3, 4, 5, 60].map((a) => doublingDelayMs(a, 1000, 15_000))).toEqual([
      1000, 1000, 2000, 4000, 8000, 15_000, 15_000,
    ]);
  });
});
