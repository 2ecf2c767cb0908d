import { addMs, dayStart, HOUR_MS, instant, later, localDate, weekdayOf } from './instant';

describe('the centre’s time', () => {
  it('tells the Beijing calendar day of an instant, not the UTC one', () => {
    // 23:30 UTC on the 27th is already 07:30 on the 28th in Beijing.
    expect(localDate(instant('2026-11-27T23:30:00Z'))).toBe('2026-11-28');
    expect(localDate(instant('2026-11-28T15:59:59Z'))).toBe('2026-11-28');
    expect(localDate(instant('2026-11-28T16:00:00Z'))).toBe('2026-11-29');
  });

  it('starts a day at midnight Beijing time', () => {
    expect(dayStart('2026-11-28').toISOString()).toBe('2026-11-27T16:00:00.000Z');
    expect(localDate(dayStart('2026-11-28'))).toBe('2026-11-28');
  });

  it('moves instants by milliseconds without touching the original', () => {
    const at = instant('2026-11-28T01:00:00+08:00');
    expect(addMs(at, 2 * HOUR_MS).toISOString()).toBe('2026-11-27T19:00:00.000Z');
    expect(addMs(at, -HOUR_MS).toISOString()).toBe('2026-11-27T16:00:00.000Z');
    expect(at.toISOString()).toBe('2026-11-27T17:00:00.000Z');
  });

  it('picks the later instant and names weekdays of calendar dates', () => {
    const a = instant('2026-11-28T00:00:00Z');
    const b = instant('2026-11-29T00:00:00Z');
    expect(later(a, b)).toBe(b);
    expect(later(b, a)).toBe(b);
    expect(weekdayOf('2026-11-28')).toBe(6); // a Saturday
    expect(weekdayOf('2026-11-30')).toBe(1);
  });
});
