export * from './domain';
export * from './entities';
export * from './callbacks.service';
export * from './callback-claims.service';
export * from './callbacks.module';
