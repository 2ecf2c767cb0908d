import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@hotline/audit';
import { CasesModule } from '@hotline/cases';
import { DirectoryModule } from '@hotline/directory';
import { MessagingModule } from '@hotline/messaging';
import { CommonWordsService } from './common-words.service';
import { KNOWLEDGE_ENTITIES } from './entities';
import { KnowledgeAnswersService } from './knowledge-answers.service';
import { KnowledgeCitationsRepository } from './knowledge-citations.repository';
import { KnowledgeFiguresService } from './knowledge-figures.service';
import { KnowledgeFlagsRepository } from './knowledge-flags.repository';
import { KnowledgeFlagsService } from './knowledge-flags.service';
import { KnowledgeReadingService } from './knowledge-reading.service';
import { KnowledgeSearchService } from './knowledge-search.service';
import { KnowledgeRepository } from './knowledge.repository';
import { KnowledgeService } from './knowledge.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([...KNOWLEDGE_ENTITIES]),
    AuditModule,
    DirectoryModule,
    CasesModule,
    MessagingModule,
  ],
  providers: [
    KnowledgeRepository,
    KnowledgeCitationsRepository,
    KnowledgeFlagsRepository,
    KnowledgeService,
    KnowledgeReadingService,
    CommonWordsService,
    KnowledgeSearchService,
    KnowledgeAnswersService,
    KnowledgeFlagsService,
    KnowledgeFiguresService,
  ],
  exports: [
    KnowledgeService,
    KnowledgeReadingService,
    KnowledgeSearchService,
    KnowledgeAnswersService,
    KnowledgeFlagsService,
    KnowledgeFiguresService,
  ],
})
export class KnowledgeModule {}
