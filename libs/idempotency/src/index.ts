export * from './domain';
export * from './entities';
export * from './idempotency.service';
export * from './idempotency.module';
