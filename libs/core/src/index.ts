export * from './error-codes';
export * from './domain-error';
export * from './error-reasons';
export * from './field-errors';
export * from './page';
export * from './backoff';
