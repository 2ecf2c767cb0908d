import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '@hotline/cases';
import { NotificationsModule } from '@hotline/notifications';
import { ONLINE_INTAKE_ENTITIES } from './entities';
import { OnlineIntakeService } from './online-intake.service';
import { OnlineSubmissionsRepository } from './online-submissions.repository';

@Module({
  imports: [TypeOrmModule.forFeature([...ONLINE_INTAKE_ENTITIES]), CasesModule, NotificationsModule],
  providers: [OnlineSubmissionsRepository, OnlineIntakeService],
  exports: [OnlineIntakeService],
})
export class OnlineIntakeModule {}
