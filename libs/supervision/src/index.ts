export * from './domain/supervision-levels';
export * from './entities';
export * from './supervision.service';
export * from './supervision.module';
