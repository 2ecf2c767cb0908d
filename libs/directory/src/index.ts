export * from './domain';
export * from './entities';
export * from './directory.module';
export type { CategoryFilter, HotlineFilter, UnitFilter } from './reference-data.repository';
export * from './reference-data.service';
export * from './dispatch-rules.service';
export * from './sla-policy.service';
export * from './seed/directory-seed.repository';
export * from './seed/child-units-csv';
