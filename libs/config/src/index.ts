export * from './app-config';
export * from './app-config.module';
export * from './jwt-keys';
export * from './production-rules';
