import { ValidationPipe } from '@nestjs/common';
import { DomainError, toFieldErrors } from '@hotline/core';

/**
 * Bodies and queries are validated against their DTO classes: unknown fields are refused, values
 * are converted to their declared types, and every bad field is named in one 400.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => DomainError.validation(toFieldErrors(errors)),
  });
}
