import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@hotline/audit';
import { DIRECTORY_ENTITIES } from './entities';
import { DispatchRulesRepository } from './dispatch-rules.repository';
import { DispatchRulesService } from './dispatch-rules.service';
import { ReferenceDataRepository } from './reference-data.repository';
import { ReferenceDataService } from './reference-data.service';
import { SlaPoliciesRepository } from './sla-policies.repository';
import { SlaPolicyService } from './sla-policy.service';

@Module({
  imports: [TypeOrmModule.forFeature([...DIRECTORY_ENTITIES]), AuditModule],
  providers: [
    ReferenceDataRepository,
    DispatchRulesRepository,
    SlaPoliciesRepository,
    ReferenceDataService,
    DispatchRulesService,
    SlaPolicyService,
  ],
  exports: [ReferenceDataService, DispatchRulesService, SlaPolicyService],
})
export class DirectoryModule {}
