export * from './answer-text';
export * from './entry-content';
export * from './knowledge-access';
export * from './knowledge-lifecycle';
export * from './knowledge-vocabulary';
export * from './knowledge-flags';
export * from './import-record';
