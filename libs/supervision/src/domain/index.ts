export * from './supervision-levels';
export * from './supervision-rules';
