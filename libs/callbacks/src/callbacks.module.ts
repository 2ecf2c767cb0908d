import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '@hotline/cases';
import { SlaModule } from '@hotline/sla';
import { CallbacksRepository } from './callbacks.repository';
import { CallbacksService } from './callbacks.service';
import { CALLBACKS_ENTITIES } from './entities';

@Module({
  imports: [TypeOrmModule.forFeature([...CALLBACKS_ENTITIES]), CasesModule, SlaModule],
  providers: [CallbacksRepository, CallbacksService],
  exports: [CallbacksService],
})
export class CallbacksModule {}
