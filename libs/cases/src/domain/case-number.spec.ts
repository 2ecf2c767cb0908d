import { formatCaseNumber } from './case-number';

describe('formatCaseNumber', () => {
  it('is the Beijing date and a zero-padded sequence', () => {
    expect(formatCaseNumber(new Date('2026-11-25T03:00:00Z'), 42)).toBe('20261125-0000042');
    // 23:30 UTC is already the next day in Beijing.
    expect(formatCaseNumber(new Date('2026-11-25T23:30:00Z'), 1234567)).toBe('20261126-1234567');
  });
});
