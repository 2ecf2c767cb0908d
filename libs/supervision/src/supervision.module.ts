import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '@hotline/cases';
import { SUPERVISION_ENTITIES } from './entities';
import { SupervisionService } from './supervision.service';
import { SupervisionsRepository } from './supervisions.repository';

@Module({
  imports: [TypeOrmModule.forFeature([...SUPERVISION_ENTITIES]), CasesModule],
  providers: [SupervisionsRepository, SupervisionService],
  exports: [SupervisionService],
})
export class SupervisionModule {}
