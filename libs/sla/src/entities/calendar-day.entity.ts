import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import type { CalendarDayKind } from '../domain/holiday-calendar';

/** A day that is not what its weekday says: a public holiday, or a weekend make-up working day (调休). */
@Entity({ name: 'calendar_days' })
@Check('ck_calendar_days_kind', `kind IN ('holiday', 'workday')`)
export class CalendarDayEntity {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_calendar_days' })
  day!: string;

  @Column({ type: 'text' })
  kind!: CalendarDayKind;

  @Column({ type: 'text' })
  name!: string;
}
