import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '@hotline/cases';
import { DirectoryModule } from '@hotline/directory';
import { KnowledgeModule } from '@hotline/knowledge';
import { OnlineIntakeModule } from '@hotline/online-intake';
import { SlaModule } from '@hotline/sla';
import { KPI_ENTITIES } from './entities';
import { KpiProjectionRepository } from './kpi-projection.repository';
import { KpiProjectionService } from './kpi-projection.service';
import { KpiRebuildService } from './kpi-rebuild.service';
import { KpiReportsRepository } from './kpi-reports.repository';
import { KpiReportsService } from './kpi-reports.service';
import { LiveFiguresService } from './live-figures.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([...KPI_ENTITIES]),
    DirectoryModule,
    CasesModule,
    SlaModule,
    KnowledgeModule,
    OnlineIntakeModule,
  ],
  providers: [
    KpiProjectionRepository,
    KpiReportsRepository,
    KpiProjectionService,
    KpiReportsService,
    KpiRebuildService,
    LiveFiguresService,
  ],
  exports: [KpiProjectionService, KpiReportsService, KpiRebuildService, LiveFiguresService],
})
export class KpiModule {}
