export * from './domain';
export * from './entities';
export type { KnowledgeEntryView } from './knowledge-entry-view';
export * from './knowledge.service';
export * from './knowledge-reading.service';
export * from './knowledge-search.service';
export * from './knowledge.module';
