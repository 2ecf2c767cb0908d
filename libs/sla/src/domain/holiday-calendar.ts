import { WEEKENDS_ONLY, WorkingCalendar } from './working-calendar';

export type CalendarDayKind = 'holiday' | 'workday';

export interface CalendarDay {
  day: string;
  kind: CalendarDayKind;
}

/**
 * Chinese working days: Monday to Friday, except public holidays, plus the make-up working days
 * (调休) that fall on weekends. Both are data (calendar_days), edited by admins each year.
 */
export function holidayCalendar(days: readonly CalendarDay[]): WorkingCalendar {
  const kinds = new Map(days.map((d) => [d.day, d.kind]));
  return {
    isWorkingDay: (day) => {
      const kind = kinds.get(day);
      if (kind === 'holiday') return false;
      if (kind === 'workday') return true;
      return WEEKENDS_ONLY.isWorkingDay(day);
    },
  };
}
