/**
 * The one way services report a failure a caller can act on. The api maps the code to an HTTP
 * status (apps/api: domain-error.filter) and the worker maps it to retry or dead-letter
 * (libs/messaging: failure-policy); both maps are exhaustive over ERROR_CODES, so adding a code
 * forces a decision in both places.
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
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One rejected input field: `field` is the path a client sent (e.g. `streetCode`, `items.0.name`). */
export interface FieldError {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: readonly FieldError[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static validation(fields: readonly FieldError[]): DomainError {
    const names = [...new Set(fields.map((f) => f.field))].join(', ');
    return new DomainError('VALIDATION_FAILED', `Invalid input: ${names}`, fields);
  }

  static invalidField(field: string, message: string): DomainError {
    return DomainError.validation([{ field, message }]);
  }

  static notFound(what: string, id: string): DomainError {
    return new DomainError('NOT_FOUND', `${what} ${id} not found`);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
