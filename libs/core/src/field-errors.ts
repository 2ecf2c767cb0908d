import type { FieldError } from './domain-error';

/** The structural shape of class-validator's ValidationError (kept structural: no dependency). */
export interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

/**
 * Flattens nested validation errors into one entry per bad field, with dotted paths
 * (`coUnitCodes.1`, `data.unitCode`), so a 400 or a dead-letter reason names every field.
 */
export function toFieldErrors(errors: readonly ValidationErrorLike[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    // An empty property name (`{"": 1}`) is still named, so the client sees which one.
    const property = error.property === '' ? '""' : error.property;
    const field = prefix ? `${prefix}.${property}` : property;
    // The constraint's name (isIn, maxLength, whitelistValidation …) is the field's machine-readable reason.
    const own = Object.entries(error.constraints ?? {}).map(([reason, message]) => ({
      field,
      message: message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message,
      reason,
    }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}
