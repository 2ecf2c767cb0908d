import { localDate } from '@hotline/clock/domain';
import { addDuration } from './deadline';
import { WEEKENDS_ONLY, WorkingCalendar } from './working-calendar';

const at = (iso: string) => new Date(iso);

describe('addDuration', () => {
  it('adds minutes, hours and calendar days as elapsed time', () => {
    const from = at('2026-11-25T10:00:00+08:00');
    expect(addDuration(from, { amount: 30, unit: 'minutes' }, WEEKENDS_ONLY)).toEqual(at('2026-11-25T10:30:00+08:00'));
    expect(addDuration(from, { amount: 24, unit: 'hours' }, WEEKENDS_ONLY)).toEqual(at('2026-11-26T10:00:00+08:00'));
    expect(addDuration(from, { amount: 7, unit: 'calendar_days' }, WEEKENDS_ONLY)).toEqual(
      at('2026-12-02T10:00:00+08:00'),
    );
  });

  it('crosses midnight in hours', () => {
    const from = at('2026-11-25T23:30:00+08:00');
    expect(addDuration(from, { amount: 2, unit: 'hours' }, WEEKENDS_ONLY)).toEqual(at('2026-11-26T01:30:00+08:00'));
  });

  it('skips weekends for working days, keeping the time of day', () => {
    const friday = at('2026-11-27T16:00:00+08:00');
    expect(addDuration(friday, { amount: 1, unit: 'working_days' }, WEEKENDS_ONLY)).toEqual(
      at('2026-11-30T16:00:00+08:00'),
    );
    expect(addDuration(friday, { amount: 5, unit: 'working_days' }, WEEKENDS_ONLY)).toEqual(
      at('2026-12-04T16:00:00+08:00'),
    );
  });

  it('uses Beijing dates, not UTC dates, to decide what a day is', () => {
    // Saturday 01:00 in Beijing is still Friday in UTC.
    const saturdayEarly = at('2026-11-28T01:00:00+08:00');
    expect(localDate(saturdayEarly)).toBe('2026-11-28');
    expect(addDuration(saturdayEarly, { amount: 1, unit: 'working_days' }, WEEKENDS_ONLY)).toEqual(
      at('2026-11-30T01:00:00+08:00'),
    );
  });

  it('asks the calendar, so holidays and make-up working days count as it says', () => {
    const calendar: WorkingCalendar = { isWorkingDay: (day) => day !== '2026-10-01' && day !== '2026-10-02' };
    const from = at('2026-09-30T09:00:00+08:00');
    expect(addDuration(from, { amount: 1, unit: 'working_days' }, calendar)).toEqual(at('2026-10-03T09:00:00+08:00'));
  });
});
