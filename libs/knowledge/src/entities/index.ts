import { KnowledgeCitationEntity } from './knowledge-citation.entity';
import { KnowledgeEntryVersionEntity } from './knowledge-entry-version.entity';
import { KnowledgeEntryEntity } from './knowledge-entry.entity';
import { KnowledgeFlagEntity } from './knowledge-flag.entity';
import { KnowledgeTitleCharactersEntity } from './knowledge-title-characters.entity';

export {
  KnowledgeCitationEntity,
  KnowledgeEntryEntity,
  KnowledgeEntryVersionEntity,
  KnowledgeFlagEntity,
  KnowledgeTitleCharactersEntity,
};

/** Tables this library owns, for the TypeORM CLI's data source. */
export const KNOWLEDGE_ENTITIES = [
  KnowledgeEntryEntity,
  KnowledgeEntryVersionEntity,
  KnowledgeCitationEntity,
  KnowledgeFlagEntity,
  KnowledgeTitleCharactersEntity,
];
