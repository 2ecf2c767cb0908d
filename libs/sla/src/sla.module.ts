import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@hotline/audit';
import { DirectoryModule } from '@hotline/directory';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';
import { DeadlinesRepository } from './deadlines.repository';
import { DeadlinesService } from './deadlines.service';
import { DueDatesService } from './due-dates.service';
import { SLA_ENTITIES } from './entities';

@Module({
  imports: [TypeOrmModule.forFeature([...SLA_ENTITIES]), DirectoryModule, AuditModule],
  providers: [CalendarRepository, DeadlinesRepository, DueDatesService, DeadlinesService, CalendarService],
  exports: [DueDatesService, DeadlinesService, CalendarService],
})
export class SlaModule {}
