export * from './notification-rules';
export * from './notification-templates';
