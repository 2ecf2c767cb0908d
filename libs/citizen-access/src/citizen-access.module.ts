import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@hotline/notifications';
import { CitizenAccessService } from './citizen-access.service';
import { CodeLimitsRepository } from './code-limits.repository';
import { CITIZEN_ACCESS_ENTITIES } from './entities';
import { SessionsRepository } from './sessions.repository';
import { VerificationsRepository } from './verifications.repository';

@Module({
  imports: [TypeOrmModule.forFeature([...CITIZEN_ACCESS_ENTITIES]), NotificationsModule],
  providers: [VerificationsRepository, SessionsRepository, CodeLimitsRepository, CitizenAccessService],
  exports: [CitizenAccessService],
})
export class CitizenAccessModule {}
