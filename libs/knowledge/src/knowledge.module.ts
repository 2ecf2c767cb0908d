import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@hotline/audit';
import { DirectoryModule } from '@hotline/directory';
import { KNOWLEDGE_ENTITIES } from './entities';
import { KnowledgeReadingService } from './knowledge-reading.service';
import { KnowledgeSearchService } from './knowledge-search.service';
import { KnowledgeRepository } from './knowledge.repository';
import { KnowledgeService } from './knowledge.service';

@Module({
  imports: [TypeOrmModule.forFeature([...KNOWLEDGE_ENTITIES]), AuditModule, DirectoryModule],
  providers: [KnowledgeRepository, KnowledgeService, KnowledgeReadingService, KnowledgeSearchService],
  exports: [KnowledgeService, KnowledgeReadingService, KnowledgeSearchService],
})
export class KnowledgeModule {}
