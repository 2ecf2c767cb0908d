export * from './domain';
export * from './entities';
export * from './due-dates.service';
export * from './deadlines.service';
export type { ClaimedDeadline } from './deadlines.repository';
export * from './calendar.service';
export { seedCalendar } from './calendar.repository';
export * from './sla.module';
