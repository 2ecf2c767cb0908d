import type { Duration } from '@hotline/directory';
import type { WorkingCalendar } from './working-calendar';

/** The centre works on Beijing time (UTC+8, no daylight saving): day limits end at local dates. */
export const CENTRE_UTC_OFFSET_MINUTES = 8 * 60;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * When a limit that starts at `from` runs out. Minutes and hours are elapsed time; calendar days
 * are elapsed days; working days skip every non-working day of the calendar, keeping the time of
 * day (a case dispatched Friday 16:00 with 1 working day is due Monday 16:00).
 */
export function addDuration(from: Date, duration: Duration, calendar: WorkingCalendar): Date {
  switch (duration.unit) {
    case 'minutes':
      return new Date(from.getTime() + duration.amount * MINUTE);
    case 'hours':
      return new Date(from.getTime() + duration.amount * 60 * MINUTE);
    case 'calendar_days':
      return new Date(from.getTime() + duration.amount * DAY);
    case 'working_days':
      return addWorkingDays(from, duration.amount, calendar);
  }
}

function addWorkingDays(from: Date, days: number, calendar: WorkingCalendar): Date {
  let at = from.getTime();
  let left = days;
  // Bounded: no calendar has a year without working days.
  for (let guard = 0; left > 0 && guard < 3660; guard++) {
    at += DAY;
    if (calendar.isWorkingDay(localDate(new Date(at)))) left--;
  }
  return new Date(at);
}

/** The centre's local calendar date of an instant, YYYY-MM-DD. */
export function localDate(at: Date): string {
  return new Date(at.getTime() + CENTRE_UTC_OFFSET_MINUTES * MINUTE).toISOString().slice(0, 10);
}
