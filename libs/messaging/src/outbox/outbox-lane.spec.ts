import { laneOf, OUTBOX_LANES } from './outbox-lane';

describe('laneOf', () => {
  it('always gives the same lane for the same key', () => {
    expect(laneOf('case-42')).toBe(laneOf('case-42'));
  });

  it('stays in range and spreads keys over every lane', () => {
    const lanes = new Set(Array.from({ length: 1000 }, (_, i) => laneOf(`key-${i}`)));
    expect(Math.min(...lanes)).toBe(0);
    expect(Math.max(...lanes)).toBe(OUTBOX_LANES - 1);
    expect(lanes.size).toBe(OUTBOX_LANES);
  });

  it('is FNV-1a (pinned so a release never moves a key to another lane)', () => {
    expect(laneOf('')).toBe(0x811c9dc5 % OUTBOX_LANES);
    expect(laneOf('a')).toBe(0xe40c292c % OUTBOX_LANES);
  });
});
