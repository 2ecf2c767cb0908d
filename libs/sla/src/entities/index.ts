import { CalendarDayEntity } from './calendar-day.entity';
import { CaseDeadlineEntity } from './case-deadline.entity';

export { CalendarDayEntity, CaseDeadlineEntity };
export * from './case-deadline.entity';

/** Tables this library owns, for the TypeORM CLI's data source. */
export const SLA_ENTITIES = [CalendarDayEntity, CaseDeadlineEntity];
