import { DomainError } from '@hotline/core';
import { reportPeriod, viewerScope } from './report-request';

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as DomainError).fields[0]?.field;
  }
  return undefined;
}

describe('reportPeriod', () => {
  it('accepts a month and a 400-day span', () => {
    expect(reportPeriod('2026-11-01', '2026-12-01')).toEqual({ from: '2026-11-01', to: '2026-12-01' });
    expect(reportPeriod('2025-10-21', '2026-11-25')).toEqual({ from: '2025-10-21', to: '2026-11-25' });
  });

  it('reads a date-time as the Beijing day it falls in, to the end of that day for `to`', () => {
    expect(reportPeriod('2026-10-31T16:00:00Z', '2026-12-01T00:00:00+08:00')).toEqual({
      from: '2026-11-01',
      to: '2026-12-01',
    });
    expect(reportPeriod('2026-11-01T23:59:59+08:00', '2026-11-30T16:01:00Z')).toEqual({
      from: '2026-11-01',
      to: '2026-12-02',
    });
    expect(fieldOf(() => reportPeriod('2026-11-01T10:00:00+08:00', '2026-11-01T09:00:00+08:00'))).toBe('to');
  });

  it('names the field that is wrong', () => {
    expect(fieldOf(() => reportPeriod('2026-11-01', '2026-11-01'))).toBe('to');
    expect(fieldOf(() => reportPeriod('2026-12-01', '2026-11-01'))).toBe('to');
    expect(fieldOf(() => reportPeriod('2025-01-01', '2026-11-01'))).toBe('to');
    expect(fieldOf(() => reportPeriod('2026-02-30x', '2026-03-01'))).toBe('from');
  });
});

describe('viewerScope', () => {
  it('gives the centre every unit and a handler its own', () => {
    expect(viewerScope({ role: 'supervisor', unitCode: null }, 'district')).toEqual({});
    expect(viewerScope({ role: 'handler', unitCode: '110105001' }, 'unit')).toEqual({ unitCode: '110105001' });
    expect(viewerScope({ role: 'handler', unitCode: '110105001' })).toEqual({ unitCode: '110105001' });
  });

  it('refuses a handler any grouping but by unit', () => {
    expect(fieldOf(() => viewerScope({ role: 'handler', unitCode: '110105001' }, 'district'))).toBe('groupBy');
  });
});
