export * from './observability.module';
export { redactUrl } from './domain/log-redaction';
