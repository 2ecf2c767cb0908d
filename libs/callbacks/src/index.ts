export * from './domain/callback-outcome';
export * from './entities';
export * from './callbacks.service';
export * from './callbacks.module';
