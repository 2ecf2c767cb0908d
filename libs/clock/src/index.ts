export * from './domain';
export * from './clock';
export * from './clock.module';
