import { KnowledgeEntryVersionEntity } from './knowledge-entry-version.entity';
import { KnowledgeEntryEntity } from './knowledge-entry.entity';

export { KnowledgeEntryEntity, KnowledgeEntryVersionEntity };

/** Tables this library owns, for the TypeORM CLI's data source. */
export const KNOWLEDGE_ENTITIES = [KnowledgeEntryEntity, KnowledgeEntryVersionEntity];
