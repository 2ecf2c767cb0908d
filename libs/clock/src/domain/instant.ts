/**
 * Time arithmetic on instants and the centre's calendar days. Every `Date` the libraries make is made
 * here or by the Clock, so "what time is it" and "which day is it in Beijing" have one answer each.
 */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** The centre works on Beijing time (UTC+8, no daylight saving): day limits end at local dates. */
export const CENTRE_UTC_OFFSET_MINUTES = 8 * 60;

/** `at` moved by `ms` milliseconds (negative: earlier). */
export function addMs(at: Date, ms: number): Date {
  return new Date(at.getTime() + ms);
}

/** An instant from an ISO 8601 string, epoch milliseconds or a Date (copied). */
export function instant(value: string | number | Date): Date {
  return new Date(value);
}

/** The later of two instants. */
export function later(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

/** The centre's local calendar date of an instant, YYYY-MM-DD. */
export function localDate(at: Date): string {
  return addMs(at, CENTRE_UTC_OFFSET_MINUTES * MINUTE_MS)
    .toISOString()
    .slice(0, 10);
}

/** The instant a centre's calendar day (YYYY-MM-DD) begins: midnight in Beijing. */
export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** 0 = Sunday … 6 = Saturday, for a calendar date YYYY-MM-DD. */
export function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}
