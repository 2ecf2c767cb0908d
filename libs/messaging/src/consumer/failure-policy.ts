import { doublingDelayMs, ErrorCode, isDomainError } from '@hotline/core';

export type FailureAction = 'retry' | 'dead_letter';

/**
 * What the worker does when a handler throws a coded domain error. Exhaustive over ErrorCode:
 * a new code does not compile until it is decided here (and in the api's HTTP filter).
 */
const ACTION_BY_CODE: Record<ErrorCode, FailureAction> = {
  VALIDATION_FAILED: 'dead_letter',
  UNAUTHENTICATED: 'dead_letter',
  FORBIDDEN: 'dead_letter',
  NOT_FOUND: 'dead_letter',
  STATE_CONFLICT: 'dead_letter',
  // A concurrent writer won the version check: re-reading and applying again may succeed.
  VERSION_CONFLICT: 'retry',
  ALREADY_EXISTS: 'dead_letter',
  DEPENDENCY_UNAVAILABLE: 'retry',
  // No consumer is rate-limited today; were one, waiting is the answer.
  TOO_MANY_REQUESTS: 'retry',
  // HTTP-only (Idempotency-Key); were a consumer to meet them: a reused key never succeeds, a busy one may.
  IDEMPOTENCY_KEY_REUSED: 'dead_letter',
  REQUEST_IN_PROGRESS: 'retry',
};

/** Unexpected errors (bugs, odd data) get a few attempts, then go to the DLQ instead of blocking. */
export const MAX_ATTEMPTS_FOR_UNEXPECTED_ERRORS = 5;

export interface FailureContext {
  attempt: number;
  isInfrastructureOutage: (error: unknown) => boolean;
}

export function decideOnFailure(error: unknown, { attempt, isInfrastructureOutage }: FailureContext): FailureAction {
  if (isDomainError(error)) return ACTION_BY_CODE[error.code];
  // The database or broker being away is not the message's fault: wait for it, forever.
  if (isInfrastructureOutage(error)) return 'retry';
  return attempt < MAX_ATTEMPTS_FOR_UNEXPECTED_ERRORS ? 'retry' : 'dead_letter';
}

/** Exponential backoff with a ceiling: 200 ms, 400 ms, … 30 s. */
export function retryDelayMs(attempt: number): number {
  return doublingDelayMs(attempt, 200, 30_000);
}
