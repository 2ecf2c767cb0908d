import { Injectable } from '@nestjs/common';
import { AuditActor, AuditService } from '@hotline/audit';
import { TransactionService } from '@hotline/database';
import type { CalendarDayKind } from './domain/holiday-calendar';
import type { CalendarDayEntity } from './entities/calendar-day.entity';
import { CalendarRepository } from './calendar.repository';
import { DueDatesService } from './due-dates.service';

/** The holiday calendar: seeded from the maintained `chinese-days` data, editable by admins. */
@Injectable()
export class CalendarService {
  constructor(
    private readonly db: TransactionService,
    private readonly calendar: CalendarRepository,
    private readonly dueDates: DueDatesService,
    private readonly audit: AuditService,
  ) {}

  year(year: number): Promise<CalendarDayEntity[]> {
    return this.calendar.year(year);
  }

  /** Sets a day's kind; `normal` removes the exception (the weekday decides again). */
  async setDay(
    day: string,
    kind: CalendarDayKind | 'normal',
    name: string | undefined,
    actor: AuditActor,
  ): Promise<CalendarDayEntity | null> {
    const after = await this.db.run(async () => {
      const before = await this.calendar.find(day);
      if (kind === 'normal') await this.calendar.clear(day);
      else await this.calendar.set(day, kind, name ?? (kind === 'holiday' ? '节假日' : '调休上班'));
      const now = kind === 'normal' ? null : await this.calendar.find(day);
      await this.audit.record({
        actor,
        action: 'calendar_day.set',
        entity: 'calendar_day',
        entityId: day,
        before,
        after: now,
      });
      return now;
    });
    this.dueDates.invalidateCalendar();
    return after;
  }
}
