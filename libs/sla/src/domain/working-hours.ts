import { addMs, dayStart, DAY_MS, localDate, MINUTE_MS } from '@hotline/clock/domain';
import type { WorkingCalendar } from './working-calendar';

/** The centre's office hours on a working day, minutes after local midnight: [opens, closes). */
export interface OfficeHours {
  opensAtMinute: number;
  closesAtMinute: number;
}

/** `HH:MM-HH:MM` (the OFFICE_HOURS setting, its form checked by AppConfig). */
export function parseOfficeHours(setting: string): OfficeHours {
  const [opensAtMinute, closesAtMinute] = setting.split('-').map((hhmm) => {
    const [h, m] = hhmm.split(':').map(Number);
    return h * 60 + m;
  });
  if (!(opensAtMinute < closesAtMinute)) throw new Error(`OFFICE_HOURS ${setting}: the office closes before it opens`);
  return { opensAtMinute, closesAtMinute };
}

/**
 * When the next working hour begins (docs/product.md, "After-hours answers"): `at` itself inside office
 * hours of a working day; otherwise the opening of the next working day by the holiday calendar — a
 * demand left on a holiday's night waits for the first working morning, 调休 Saturdays included.
 */
export function nextWorkingHour(at: Date, calendar: WorkingCalendar, hours: OfficeHours): Date {
  let day = localDate(at);
  const minute = (at.getTime() - dayStart(day).getTime()) / MINUTE_MS;
  if (calendar.isWorkingDay(day)) {
    if (minute < hours.opensAtMinute) return opening(day, hours);
    if (minute < hours.closesAtMinute) return at;
  }
  // Bounded: no calendar has a year without working days.
  for (let guard = 0; guard < 3660; guard++) {
    day = localDate(addMs(dayStart(day), DAY_MS));
    if (calendar.isWorkingDay(day)) return opening(day, hours);
  }
  throw new Error(`No working day within ten years of ${day}`);
}

function opening(day: string, hours: OfficeHours): Date {
  return addMs(dayStart(day), hours.opensAtMinute * MINUTE_MS);
}
