import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '@hotline/cases';
import { DirectoryModule } from '@hotline/directory';
import { MessagingModule } from '@hotline/messaging';
import { SlaModule } from '@hotline/sla';
import { DispatchService } from './dispatch.service';
import { DISPATCH_ENTITIES } from './entities';
import { InboxService } from './inbox.service';
import { ReturnsService } from './returns.service';

@Module({
  imports: [TypeOrmModule.forFeature([...DISPATCH_ENTITIES]), CasesModule, DirectoryModule, MessagingModule, SlaModule],
  providers: [DispatchService, ReturnsService, InboxService],
  exports: [DispatchService, ReturnsService, InboxService],
})
export class DispatchModule {}
