export * from './domain';
export * from './entities';
export * from './callbacks.service';
export * from './callbacks.module';
