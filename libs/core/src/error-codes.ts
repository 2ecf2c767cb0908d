/**
 * The kinds of failure. The api maps each to an HTTP status (apps/api: domain-error.filter) and the
 * worker to retry or dead-letter (libs/messaging: failure-policy); both maps are exhaustive over
 * ERROR_CODES, so adding a code forces a decision in both places.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'STATE_CONFLICT',
  'VERSION_CONFLICT',
  'ALREADY_EXISTS',
  'DEPENDENCY_UNAVAILABLE',
  'TOO_MANY_REQUESTS',
  'IDEMPOTENCY_KEY_REUSED',
  'REQUEST_IN_PROGRESS',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
