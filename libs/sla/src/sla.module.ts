import { Module } from '@nestjs/common';
import { AuditModule } from '@hotline/audit';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryModule } from '@hotline/directory';
import { CalendarService } from './calendar.service';
import { DeadlineBook } from './deadline-book';
import { SLA_ENTITIES } from './entities';
import { SlaClock } from './sla-clock';

@Module({
  imports: [TypeOrmModule.forFeature([...SLA_ENTITIES]), DirectoryModule, AuditModule],
  providers: [SlaClock, DeadlineBook, CalendarService],
  exports: [SlaClock, DeadlineBook, CalendarService],
})
export class SlaModule {}
