import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsInt, ValidateBy } from 'class-validator';

/** Written in decimal digits only: `''`, `' 1'`, `0x10`, `1e3` and `1.0` stay strings and fail `isInt`. */
const DECIMAL_INTEGER = /^[+-]?\d+$/;

/**
 * A whole number in a query string, within `[min, max]` (docs/api.md, "Bounds"). Out of range is a 400
 * naming the field with the reason `min` or `max` — never a value handed on to PostgreSQL, where
 * `OFFSET 100000000000000000000` overflows bigint and used to be a 500. Not a whole number: `isInt` alone.
 */
export function QueryInteger(min: number, max: number): PropertyDecorator {
  const bound = (name: 'min' | 'max', holds: (n: number) => boolean, message: string) =>
    ValidateBy({
      name,
      validator: {
        validate: (value: unknown) => typeof value !== 'number' || holds(value),
        defaultMessage: () => message,
      },
    });
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && DECIMAL_INTEGER.test(value) ? Number(value) : value,
    ),
    IsInt(),
    bound('min', (n) => n >= min, `must not be less than ${min}`),
    bound('max', (n) => n <= max, `must not be greater than ${max}`),
  );
}
