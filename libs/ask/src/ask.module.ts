import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '@hotline/cases';
import { KnowledgeModule } from '@hotline/knowledge';
import { AskLimitsRepository } from './ask-limits.repository';
import { AskService } from './ask.service';
import { ASK_ENTITIES } from './entities';
import { PublicQuestionsRepository } from './public-questions.repository';

@Module({
  imports: [TypeOrmModule.forFeature([...ASK_ENTITIES]), CasesModule, KnowledgeModule],
  providers: [PublicQuestionsRepository, AskLimitsRepository, AskService],
  exports: [AskService],
})
export class AskModule {}
