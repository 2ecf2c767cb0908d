import { holidayCalendar } from './holiday-calendar';
import { nextWorkingHour, parseOfficeHours } from './working-hours';

// 2026 National Day: 1–7 October off, Saturday 10 October a make-up working day (调休).
const calendar = holidayCalendar([
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ day: `2026-10-${d}`, kind: 'holiday' as const })),
  { day: '2026-10-10', kind: 'workday' as const },
]);
const HOURS = parseOfficeHours('09:00-17:30');
const next = (local: string) => nextWorkingHour(new Date(`${local}+08:00`), calendar, HOURS).toISOString();

describe('nextWorkingHour', () => {
  it('is the instant itself inside office hours of a working day', () => {
    expect(next('2026-09-29T10:15:00')).toBe('2026-09-29T02:15:00.000Z');
    expect(next('2026-09-29T09:00:00')).toBe('2026-09-29T01:00:00.000Z');
  });

  it('is the same morning’s opening before hours, the next working morning after them', () => {
    expect(next('2026-09-29T03:00:00')).toBe('2026-09-29T01:00:00.000Z');
    expect(next('2026-09-29T17:30:00')).toBe('2026-09-30T01:00:00.000Z');
  });

  it('skips the weekend and a holiday week to the first working morning', () => {
    expect(next('2026-09-26T15:00:00')).toBe('2026-09-28T01:00:00.000Z'); // Saturday → Monday
    expect(next('2026-09-30T22:00:00')).toBe('2026-10-08T01:00:00.000Z'); // the eve of National Day
    expect(next('2026-10-03T03:00:00')).toBe('2026-10-08T01:00:00.000Z');
  });

  it('counts a make-up Saturday as a working day', () => {
    expect(next('2026-10-09T20:00:00')).toBe('2026-10-10T01:00:00.000Z');
    expect(next('2026-10-10T11:00:00')).toBe('2026-10-10T03:00:00.000Z');
  });
});

describe('parseOfficeHours', () => {
  it('reads HH:MM-HH:MM as minutes after midnight, and refuses an office that closes before it opens', () => {
    expect(parseOfficeHours('08:30-18:00')).toEqual({ opensAtMinute: 510, closesAtMinute: 1080 });
    expect(() => parseOfficeHours('18:00-08:30')).toThrow(/closes before it opens/);
  });
});
