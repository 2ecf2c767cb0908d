export * from './domain-error';
export * from './field-errors';
export * from './page';
