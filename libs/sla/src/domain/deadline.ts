import { addMs, DAY_MS, HOUR_MS, localDate, MINUTE_MS } from '@hotline/clock/domain';
import type { Duration } from '@hotline/directory/domain';
import type { WorkingCalendar } from './working-calendar';

/**
 * When a limit that starts at `from` runs out. Minutes and hours are elapsed time; calendar days
 * are elapsed days; working days skip every non-working day of the calendar, keeping the time of
 * day (a case dispatched Friday 16:00 with 1 working day is due Monday 16:00).
 */
export function addDuration(from: Date, duration: Duration, calendar: WorkingCalendar): Date {
  switch (duration.unit) {
    case 'minutes':
      return addMs(from, duration.amount * MINUTE_MS);
    case 'hours':
      return addMs(from, duration.amount * HOUR_MS);
    case 'calendar_days':
      return addMs(from, duration.amount * DAY_MS);
    case 'working_days':
      return addWorkingDays(from, duration.amount, calendar);
  }
}

function addWorkingDays(from: Date, days: number, calendar: WorkingCalendar): Date {
  let at = from;
  let left = days;
  // Bounded: no calendar has a year without working days.
  for (let guard = 0; left > 0 && guard < 3660; guard++) {
    at = addMs(at, DAY_MS);
    if (calendar.isWorkingDay(localDate(at))) left--;
  }
  return at;
}
