import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '@hotline/cases';
import { MessagingModule } from '@hotline/messaging';
import { NOTIFICATIONS_ENTITIES } from './entities';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { OptOutsRepository } from './opt-outs.repository';

@Module({
  imports: [TypeOrmModule.forFeature([...NOTIFICATIONS_ENTITIES]), CasesModule, MessagingModule],
  providers: [NotificationsRepository, OptOutsRepository, NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
