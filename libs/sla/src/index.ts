export * from './domain/working-calendar';
export * from './domain/deadline';
export * from './domain/policy-resolution';
export * from './sla-clock';
export * from './sla.module';
