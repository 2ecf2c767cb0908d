import { confidenceOf, isConfident } from './answer-confidence';

describe('answer confidence', () => {
  it('maps a search score onto 0–1, saturating', () => {
    expect(confidenceOf(0)).toBe(0);
    expect(confidenceOf(Number.NaN)).toBe(0);
    expect(confidenceOf(0.3)).toBe(0.5);
    expect(confidenceOf(0.6)).toBe(1);
    expect(confidenceOf(7)).toBe(1);
  });

  it('is confident when the first answer is strong and clearly ahead, or certain', () => {
    expect(isConfident([0.9, 0.5])).toBe(true);
    expect(isConfident([1, 1])).toBe(true);
    expect(isConfident([0.55, 0.5])).toBe(false);
    expect(isConfident([0.4])).toBe(false);
    expect(isConfident([])).toBe(false);
  });
});
