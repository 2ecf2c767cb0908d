export * from './idempotency-key';
export * from './replay';
export * from './request-fingerprint';
