import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@hotline/audit';
import { DirectoryModule } from '@hotline/directory';
import { MessagingModule } from '@hotline/messaging';
import { SlaModule } from '@hotline/sla';
import { CallsRepository } from './calls.repository';
import { AbandonedCallsService } from './abandoned-calls.service';
import { CallsService } from './calls.service';
import { CaseActionsService } from './case-actions.service';
import { CaseCommandsService } from './case-commands.service';
import { CaseEventsRepository } from './case-events.repository';
import { CaseNumbersRepository } from './case-numbers.repository';
import { CaseNumbersService } from './case-numbers.service';
import { CaseQueriesService } from './case-queries.service';
import { CaseRegistrationService } from './case-registration.service';
import { CaseNotesRepository } from './case-notes.repository';
import { CaseNotesService } from './case-notes.service';
import { CaseCorrectionsService } from './case-corrections.service';
import { CaseSearchIndexService } from './case-search-index.service';
import { CaseViewsService } from './case-views.service';
import { CasesRepository } from './cases.repository';
import { DeadlineSweepService } from './deadline-sweep.service';
import { CASES_ENTITIES } from './entities';

@Module({
  imports: [TypeOrmModule.forFeature([...CASES_ENTITIES]), DirectoryModule, MessagingModule, SlaModule, AuditModule],
  providers: [
    CasesRepository,
    CaseEventsRepository,
    CallsRepository,
    CaseNumbersRepository,
    CaseCommandsService,
    CaseNumbersService,
    CallsService,
    AbandonedCallsService,
    CaseRegistrationService,
    CaseActionsService,
    CaseQueriesService,
    CaseViewsService,
    DeadlineSweepService,
    CaseSearchIndexService,
    CaseNotesRepository,
    CaseNotesService,
    CaseCorrectionsService,
  ],
  exports: [
    CaseNotesService,
    CaseCorrectionsService,
    CaseCommandsService,
    CallsService,
    AbandonedCallsService,
    AbandonedCallsService,
    CaseRegistrationService,
    CaseActionsService,
    CaseQueriesService,
    CaseViewsService,
    DeadlineSweepService,
    CaseSearchIndexService,
  ],
})
export class CasesModule {}
