export * from './observability.module';
