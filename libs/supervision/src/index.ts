export * from './domain';
export * from './entities';
export * from './supervision.service';
export * from './supervision.module';
