export * from './domain';
export * from './entities';
export * from './kpi-projection.service';
export * from './kpi-reports.service';
export * from './kpi-rebuild.service';
export * from './live-figures.service';
export * from './kpi.module';
