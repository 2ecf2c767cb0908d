export * from './verification-rules';
