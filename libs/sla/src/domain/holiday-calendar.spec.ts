import { addDuration } from './deadline';
import { holidayCalendar } from './holiday-calendar';
import { warningTime } from './warning';

// 2026 National Day: 1–7 October off, Saturday 10 October is a make-up working day (调休).
const calendar = holidayCalendar([
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ day: `2026-10-${d}`, kind: 'holiday' as const })),
  { day: '2026-10-10', kind: 'workday' },
  { day: '2026-09-20', kind: 'workday' },
]);
const at = (iso: string) => new Date(iso);

describe('holiday calendar', () => {
  it('knows weekdays, weekends, holidays and make-up working days', () => {
    expect(calendar.isWorkingDay('2026-09-30')).toBe(true); // Wednesday
    expect(calendar.isWorkingDay('2026-10-01')).toBe(false); // National Day
    expect(calendar.isWorkingDay('2026-10-03')).toBe(false); // a Saturday inside the holiday
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true); // Saturday, 调休
    expect(calendar.isWorkingDay('2026-10-11')).toBe(false); // an ordinary Sunday
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true); // Sunday, 调休
  });

  it('counts working days across a holiday', () => {
    const lastDayBefore = at('2026-09-30T17:00:00+08:00');
    expect(addDuration(lastDayBefore, { amount: 1, unit: 'working_days' }, calendar)).toEqual(
      at('2026-10-08T17:00:00+08:00'),
    );
    expect(addDuration(lastDayBefore, { amount: 3, unit: 'working_days' }, calendar)).toEqual(
      at('2026-10-10T17:00:00+08:00'),
    );
  });

  it('counts a make-up Saturday as a working day', () => {
    const friday = at('2026-10-09T10:00:00+08:00');
    expect(addDuration(friday, { amount: 1, unit: 'working_days' }, calendar)).toEqual(at('2026-10-10T10:00:00+08:00'));
    expect(addDuration(friday, { amount: 2, unit: 'working_days' }, calendar)).toEqual(at('2026-10-12T10:00:00+08:00'));
  });

  it('leaves hour limits alone on holidays (emergencies do not stop for National Day)', () => {
    expect(addDuration(at('2026-10-01T23:00:00+08:00'), { amount: 2, unit: 'hours' }, calendar)).toEqual(
      at('2026-10-02T01:00:00+08:00'),
    );
  });
});

describe('warningTime', () => {
  it('warns at 75% of the time allowed', () => {
    expect(warningTime(at('2026-11-25T00:00:00Z'), at('2026-11-25T04:00:00Z'))).toEqual(at('2026-11-25T03:00:00Z'));
  });

  it('warns at once for a deadline already due', () => {
    expect(warningTime(at('2026-11-25T04:00:00Z'), at('2026-11-25T04:00:00Z'))).toEqual(at('2026-11-25T04:00:00Z'));
  });
});
