import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '@hotline/cases';
import { DirectoryModule } from '@hotline/directory';
import { OnlineIntakeModule } from '@hotline/online-intake';
import { OPEN311_ENTITIES } from './entities';
import { Open311ClientsRepository } from './open311-clients.repository';
import { Open311ClientsService } from './open311-clients.service';
import { Open311Service } from './open311.service';

@Module({
  imports: [TypeOrmModule.forFeature([...OPEN311_ENTITIES]), DirectoryModule, CasesModule, OnlineIntakeModule],
  providers: [Open311ClientsRepository, Open311ClientsService, Open311Service],
  exports: [Open311ClientsService, Open311Service],
})
export class Open311Module {}
