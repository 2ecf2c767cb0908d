import type { ErrorCode } from './error-codes';
import { ERROR_REASONS, type ErrorReason } from './error-reasons';

/**
 * One rejected input field: `field` is the path a client sent (e.g. `streetCode`, `items.0.name`);
 * `reason` says what is wrong with it in a word a program can test (`isIn`, `maxLength`,
 * `not_in_district`…): class-validator's constraint name, or the rule's own.
 */
export interface FieldError {
  field: string;
  message: string;
  reason: string;
}

/**
 * The one way services report a failure a caller can act on: a stable `reason` (what went wrong,
 * e.g. `case.already_signed`; docs/errors.md) and the `code` that reason belongs to (what kind of
 * failure it is: the HTTP status, retry or dead-letter). Clients branch on the reason.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;

  constructor(
    readonly reason: ErrorReason,
    message: string,
    readonly fields: readonly FieldError[] = [],
    /** When a retry may succeed (rate limits, a busy process): the api's Retry-After. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = ERROR_REASONS[reason];
  }

  static validation(fields: readonly FieldError[]): DomainError {
    const names = [...new Set(fields.map((f) => f.field))].join(', ');
    return new DomainError('input.invalid', `Invalid input: ${names}`, fields);
  }

  static invalidField(field: string, message: string, reason: string): DomainError {
    return DomainError.validation([{ field, message, reason }]);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
