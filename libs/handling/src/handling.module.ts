import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '@hotline/cases';
import { MessagingModule } from '@hotline/messaging';
import { SlaModule } from '@hotline/sla';
import { HANDLING_ENTITIES } from './entities';
import { HandlingService } from './handling.service';

@Module({
  imports: [TypeOrmModule.forFeature([...HANDLING_ENTITIES]), CasesModule, MessagingModule, SlaModule],
  providers: [HandlingService],
  exports: [HandlingService],
})
export class HandlingModule {}
