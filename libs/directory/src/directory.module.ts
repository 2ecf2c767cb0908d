import { Module } from '@nestjs/common';
import { AuditModule } from '@hotline/audit';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DIRECTORY_ENTITIES } from './entities';
import { DirectoryQueries } from './directory-queries.service';
import { DispatchRulesService } from './dispatch-rules.service';
import { SlaPolicyService } from './sla-policy.service';
import { ReferenceCache } from './reference-cache';

@Module({
  imports: [TypeOrmModule.forFeature([...DIRECTORY_ENTITIES]), AuditModule],
  providers: [DirectoryQueries, DispatchRulesService, SlaPolicyService, ReferenceCache],
  exports: [DirectoryQueries, DispatchRulesService, SlaPolicyService, ReferenceCache],
})
export class DirectoryModule {}
