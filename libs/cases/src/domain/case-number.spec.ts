import { formatCaseNumber, isCaseNumber } from './case-number';

describe('formatCaseNumber', () => {
  it('is the Beijing date and a zero-padded sequence', () => {
    expect(formatCaseNumber(new Date('2026-11-25T03:00:00Z'), 42)).toBe('20261125-0000042');
    // 23:30 UTC is already the next day in Beijing.
    expect(formatCaseNumber(new Date('2026-11-25T23:30:00Z'), 1234567)).toBe('20261126-1234567');
  });
});

describe('isCaseNumber', () => {
  it('accepts the shape formatCaseNumber writes, and nothing else', () => {
    expect(isCaseNumber(formatCaseNumber(new Date('2026-11-25T03:00:00Z'), 42))).toBe(true);
    expect(isCaseNumber(' 20261125-0000042 ')).toBe(true);
    expect(isCaseNumber('２０２６１１２５-００００００４２')).toBe(true);
    expect(isCaseNumber('20261125-000004')).toBe(false);
    expect(isCaseNumber('20261125 0000042')).toBe(false);
    expect(isCaseNumber('暖气 20261125-0000042')).toBe(false);
    expect(isCaseNumber('13800138000')).toBe(false);
  });
});
