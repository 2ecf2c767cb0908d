import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryModule } from '@hotline/directory';
import { KPI_ENTITIES } from './entities';
import { KpiProjection } from './kpi-projection.service';
import { KpiQueries } from './kpi-queries.service';
import { KpiRebuild } from './kpi-rebuild.service';
import { LiveFiguresService } from './live-figures.service';

@Module({
  imports: [TypeOrmModule.forFeature([...KPI_ENTITIES]), DirectoryModule],
  providers: [KpiProjection, KpiQueries, KpiRebuild, LiveFiguresService],
  exports: [KpiProjection, KpiQueries, KpiRebuild, LiveFiguresService],
})
export class KpiModule {}
