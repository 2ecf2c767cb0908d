import { KnowledgeCitationEntity } from './knowledge-citation.entity';
import { KnowledgeEntryVersionEntity } from './knowledge-entry-version.entity';
import { KnowledgeEntryEntity } from './knowledge-entry.entity';
import { KnowledgeFlagEntity } from './knowledge-flag.entity';

export { KnowledgeCitationEntity, KnowledgeEntryEntity, KnowledgeEntryVersionEntity, KnowledgeFlagEntity };

/** Tables this library owns, for the TypeORM CLI's data source. */
export const KNOWLEDGE_ENTITIES = [
  KnowledgeEntryEntity,
  KnowledgeEntryVersionEntity,
  KnowledgeCitationEntity,
  KnowledgeFlagEntity,
];
