import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '@hotline/cases';
import { DispatchModule } from '@hotline/dispatch';
import { SlaModule } from '@hotline/sla';
import { HANDLING_ENTITIES } from './entities';
import { ExtensionsRepository } from './extensions.repository';
import { HandlingService } from './handling.service';

@Module({
  imports: [TypeOrmModule.forFeature([...HANDLING_ENTITIES]), CasesModule, DispatchModule, SlaModule],
  providers: [ExtensionsRepository, HandlingService],
  exports: [HandlingService],
})
export class HandlingModule {}
