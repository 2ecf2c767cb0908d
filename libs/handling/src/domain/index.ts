export * from './handling-rules';
