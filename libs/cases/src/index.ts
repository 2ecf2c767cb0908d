export * from './domain';
export * from './entities';
export * from './events/case.events';
export * from './events/telephony.events';
export * from './events/unit-notice.events';
// Types only: a case is shown through CaseViewsService, which audits a unit's read of the caller.
export type { CaseDeadlines, CaseView, TimelineEntry } from './case-view';
export * from './case-views.service';
export * from './case-commands.service';
export type { StoredCaseEvent } from './case-events.repository';
export * from './case-queries.service';
export * from './case-registration.service';
export * from './case-actions.service';
export * from './calls.service';
export * from './deadline-sweep.service';
export * from './case-search-index.service';
export { caseSearchOf, caseSearchTexts, type CaseSearch, type CaseSearchTexts } from './case-search';
export * from './cases.module';
