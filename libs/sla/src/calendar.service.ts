import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Between } from 'typeorm';
import { AuditActor, AuditTrail } from '@hotline/audit';
import type { CalendarDayKind } from './domain/holiday-calendar';
import { CalendarDayEntity } from './entities/calendar-day.entity';
import { SlaClock } from './sla-clock';

interface ChineseDays {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** The holiday calendar: seeded from the maintained `chinese-days` data, editable by admins. */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: SlaClock,
    private readonly audit: AuditTrail,
  ) {}

  year(year: number): Promise<CalendarDayEntity[]> {
    return this.dataSource
      .getRepository(CalendarDayEntity)
      .find({ where: { day: Between(`${year}-01-01`, `${year}-12-31`) }, order: { day: 'ASC' } });
  }

  /** Sets a day's kind; `normal` removes the exception (the weekday decides again). */
  async setDay(
    day: string,
    kind: CalendarDayKind | 'normal',
    name: string | undefined,
    actor: AuditActor,
  ): Promise<CalendarDayEntity | null> {
    const after = await this.dataSource.transaction(async (tx) => {
      const before = await tx.findOneBy(CalendarDayEntity, { day });
      if (kind === 'normal') await tx.delete(CalendarDayEntity, { day });
      else
        await tx.upsert(CalendarDayEntity, { day, kind, name: name ?? (kind === 'holiday' ? '节假日' : '调休上班') }, [
          'day',
        ]);
      const now = kind === 'normal' ? null : await tx.findOneBy(CalendarDayEntity, { day });
      await this.audit.record(tx, {
        actor,
        action: 'calendar_day.set',
        entity: 'calendar_day',
        entityId: day,
        before,
        after: now,
      });
      return now;
    });
    this.clock.invalidateCalendar();
    return after;
  }
}

/**
 * Inserts the public holidays and make-up working days the `chinese-days` package knows, from
 * `fromYear` on, where the calendar has no entry for the day (an admin's edit wins). Returns rows added.
 */
export async function seedCalendar(tx: EntityManager, fromYear: number): Promise<number> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDays;
  const rows = [
    ...Object.entries(data.holidays).map(([day, label]) => ({ day, kind: 'holiday' as const, name: nameOf(label) })),
    ...Object.entries(data.workdays).map(([day, label]) => ({
      day,
      kind: 'workday' as const,
      name: `${nameOf(label)}调休`,
    })),
  ].filter((row) => Number(row.day.slice(0, 4)) >= fromYear);
  if (rows.length === 0) return 0;
  const result = await tx
    .createQueryBuilder()
    .insert()
    .into(CalendarDayEntity)
    .values(rows)
    .orIgnore()
    .returning('day')
    .execute();
  return (result.raw as unknown[]).length;
}

/** "National Day,国庆节,3" → "国庆节". */
function nameOf(label: string): string {
  return label.split(',')[1] ?? label;
}
