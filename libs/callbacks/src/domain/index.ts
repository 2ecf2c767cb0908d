export * from './callback-outcome';
export * from './callback-due';
