import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@hotline/audit';
import { DirectoryModule } from '@hotline/directory';
import { MessagingModule } from '@hotline/messaging';
import { SlaModule } from '@hotline/sla';
import { CaseActionsService } from './case-actions.service';
import { CaseEventRecorder } from './case-event-recorder';
import { CaseNumberAllocator } from './case-number-allocator';
import { CaseQueries } from './case-queries.service';
import { CaseRegistrationService } from './case-registration.service';
import { CaseScope } from './case-scope';
import { CaseStore } from './case-store';
import { CallsService } from './calls.service';
import { CASES_ENTITIES } from './entities';
import { TransfersService } from './transfers.service';
import { DeadlineSweep } from './deadline-sweep.service';

@Module({
  imports: [TypeOrmModule.forFeature([...CASES_ENTITIES]), DirectoryModule, MessagingModule, SlaModule, AuditModule],
  providers: [
    CaseNumberAllocator,
    CallsService,
    CaseRegistrationService,
    CaseActionsService,
    CaseEventRecorder,
    CaseQueries,
    CaseScope,
    CaseStore,
    TransfersService,
    DeadlineSweep,
  ],
  exports: [
    DeadlineSweep,
    CallsService,
    CaseRegistrationService,
    CaseActionsService,
    CaseEventRecorder,
    CaseQueries,
    CaseScope,
    CaseStore,
    TransfersService,
  ],
})
export class CasesModule {}
