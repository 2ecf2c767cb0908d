import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '@hotline/cases';
import { SlaModule } from '@hotline/sla';
import { CallbackClaimsRepository } from './callback-claims.repository';
import { CallbackClaimsService } from './callback-claims.service';
import { CallbacksRepository } from './callbacks.repository';
import { CallbacksService } from './callbacks.service';
import { CALLBACKS_ENTITIES } from './entities';

@Module({
  imports: [TypeOrmModule.forFeature([...CALLBACKS_ENTITIES]), CasesModule, SlaModule],
  providers: [CallbacksRepository, CallbackClaimsRepository, CallbacksService, CallbackClaimsService],
  exports: [CallbacksService, CallbackClaimsService],
})
export class CallbacksModule {}
