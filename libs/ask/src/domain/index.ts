export * from './answer-confidence';
export * from './asker-key';
export * from './demand-category';
