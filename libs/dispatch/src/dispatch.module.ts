import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserLookupModule } from '@hotline/auth';
import { CasesModule } from '@hotline/cases';
import { DirectoryModule } from '@hotline/directory';
import { MessagingModule } from '@hotline/messaging';
import { SlaModule } from '@hotline/sla';
import { AssigneesService } from './assignees.service';
import { CoHandlersService } from './co-handlers.service';
import { ForwardingService } from './forwarding.service';
import { AssignmentsRepository } from './assignments.repository';
import { DispatchMessagesService } from './dispatch-messages.service';
import { CatalogueDryRunService } from './catalogue-dry-run.service';
import { DispatchService } from './dispatch.service';
import { DISPATCH_ENTITIES } from './entities';
import { InboxRepository } from './inbox.repository';
import { InboxService } from './inbox.service';
import { OrdersService } from './orders.service';
import { ReturnsRepository } from './returns.repository';
import { ReturnsService } from './returns.service';
import { TransfersRepository } from './transfers.repository';
import { TransfersService } from './transfers.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([...DISPATCH_ENTITIES]),
    CasesModule,
    DirectoryModule,
    MessagingModule,
    SlaModule,
    UserLookupModule,
  ],
  providers: [
    AssignmentsRepository,
    ReturnsRepository,
    InboxRepository,
    TransfersRepository,
    DispatchMessagesService,
    OrdersService,
    DispatchService,
    ReturnsService,
    InboxService,
    TransfersService,
    AssigneesService,
    ForwardingService,
    CatalogueDryRunService,
    CoHandlersService,
  ],
  exports: [
    AssigneesService,
    OrdersService,
    DispatchService,
    ReturnsService,
    InboxService,
    TransfersService,
    ForwardingService,
    CoHandlersService,
    CatalogueDryRunService,
  ],
})
export class DispatchModule {}
