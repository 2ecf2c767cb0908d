import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@hotline/audit';
import { DIRECTORY_ENTITIES } from './entities';
import { DispatchRulesRepository } from './dispatch-rules.repository';
import { DispatchRulesService } from './dispatch-rules.service';
import { ReferenceAppliersService } from './reference-appliers.service';
import { ReferenceChangesRepository } from './reference-changes.repository';
import { ReferenceDataRepository } from './reference-data.repository';
import { ReferenceDataService } from './reference-data.service';
import { SlaPoliciesRepository } from './sla-policies.repository';
import { ReferenceUpkeepService } from './reference-upkeep.service';
import { SlaPolicyService } from './sla-policy.service';

@Module({
  imports: [TypeOrmModule.forFeature([...DIRECTORY_ENTITIES]), AuditModule],
  providers: [
    ReferenceDataRepository,
    DispatchRulesRepository,
    SlaPoliciesRepository,
    ReferenceChangesRepository,
    ReferenceDataService,
    ReferenceAppliersService,
    ReferenceUpkeepService,
    DispatchRulesService,
    SlaPolicyService,
  ],
  exports: [ReferenceDataService, DispatchRulesService, SlaPolicyService, ReferenceUpkeepService],
})
export class DirectoryModule {}
