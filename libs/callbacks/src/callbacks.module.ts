import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '@hotline/cases';
import { SlaModule } from '@hotline/sla';
import { CallbacksService } from './callbacks.service';
import { CALLBACKS_ENTITIES } from './entities';

@Module({
  imports: [TypeOrmModule.forFeature([...CALLBACKS_ENTITIES]), CasesModule, SlaModule],
  providers: [CallbacksService],
  exports: [CallbacksService],
})
export class CallbacksModule {}
