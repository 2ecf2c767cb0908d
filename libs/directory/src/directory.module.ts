import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DIRECTORY_ENTITIES } from './entities';
import { DirectoryQueries } from './directory-queries.service';
import { DispatchRulesService } from './dispatch-rules.service';
import { SlaPolicyService } from './sla-policy.service';

@Module({
  imports: [TypeOrmModule.forFeature([...DIRECTORY_ENTITIES])],
  providers: [DirectoryQueries, DispatchRulesService, SlaPolicyService],
  exports: [DirectoryQueries, DispatchRulesService, SlaPolicyService],
})
export class DirectoryModule {}
