import { Injectable } from '@nestjs/common';
import { Between, type EntityManager } from 'typeorm';
import { TransactionService } from '@hotline/database';
import type { CalendarDayKind } from './domain/holiday-calendar';
import { CalendarDayEntity } from './entities/calendar-day.entity';

interface ChineseDays {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** `calendar_days`: the days that are not what their weekday says (holidays, 调休 working days). */
@Injectable()
export class CalendarRepository {
  constructor(private readonly db: TransactionService) {}

  all(): Promise<CalendarDayEntity[]> {
    return this.db.manager.find(CalendarDayEntity);
  }

  year(year: number): Promise<CalendarDayEntity[]> {
    return this.db.manager.find(CalendarDayEntity, {
      where: { day: Between(`${year}-01-01`, `${year}-12-31`) },
      order: { day: 'ASC' },
    });
  }

  find(day: string): Promise<CalendarDayEntity | null> {
    return this.db.manager.findOneBy(CalendarDayEntity, { day });
  }

  async set(day: string, kind: CalendarDayKind, name: string): Promise<void> {
    await this.db.manager.upsert(CalendarDayEntity, { day, kind, name }, ['day']);
  }

  async clear(day: string): Promise<void> {
    await this.db.manager.delete(CalendarDayEntity, { day });
  }
}

/**
 * Inserts the public holidays and make-up working days the `chinese-days` package knows, from
 * `fromYear` on, where the calendar has no entry for the day (an admin's edit wins). Returns rows
 * added. Run by `npm run prepare:stack` with the schema owner's connection.
 */
export async function seedCalendar(manager: EntityManager, fromYear: number): Promise<number> {
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
  const result = await manager
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
