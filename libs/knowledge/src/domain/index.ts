export * from './answer-text';
export * from './entry-content';
export * from './knowledge-access';
export * from './knowledge-lifecycle';
export * from './knowledge-vocabulary';
