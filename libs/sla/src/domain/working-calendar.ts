import { weekdayOf } from '@hotline/clock/domain';

/**
 * Which days count as working days for day-based SLA limits. The default knows only weekends;
 * the holiday calendar (public holidays and make-up working days, 调休) supplies its own.
 */
export interface WorkingCalendar {
  /** `day` is a local calendar date, YYYY-MM-DD, in the centre's time zone. */
  isWorkingDay(day: string): boolean;
}

export const WEEKENDS_ONLY: WorkingCalendar = {
  isWorkingDay: (day) => {
    const weekday = weekdayOf(day);
    return weekday !== 0 && weekday !== 6;
  },
};
