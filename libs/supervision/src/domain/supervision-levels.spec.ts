import { escalate, highestLevel } from './supervision-levels';

describe('escalate', () => {
  it('goes up one level and stops at listed', () => {
    expect(escalate('urge')).toBe('supervise');
    expect(escalate('supervise')).toBe('listed');
    expect(escalate('listed')).toBe('listed');
  });
});

describe('highestLevel', () => {
  it('is the highest level standing, and none when none stands', () => {
    expect(highestLevel(['urge', 'listed', 'supervise'])).toBe('listed');
    expect(highestLevel(['urge'])).toBe('urge');
    expect(highestLevel([])).toBeNull();
  });
});
