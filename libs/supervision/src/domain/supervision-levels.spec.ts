import { escalate } from './supervision-levels';

describe('escalate', () => {
  it('goes up one level and stops at listed', () => {
    expect(escalate('urge')).toBe('supervise');
    expect(escalate('supervise')).toBe('listed');
    expect(escalate('listed')).toBe('listed');
  });
});
