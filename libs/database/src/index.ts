export * from './data-source-options';
export * from './database.module';
export * from './postgres-errors';
export * from './snake-naming.strategy';
export * from './transaction.service';
export * from './domain/local-socket';
