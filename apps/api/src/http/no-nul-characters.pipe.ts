import { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { DomainError } from '@hotline/core';

/**
 * PostgreSQL text cannot hold U+0000: a NUL anywhere in a path, query or body value would fail in
 * the database as a 500. Refused here instead, as a 400 naming the field (found by fuzzing).
 */
export class NoNulCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value; // values the server made (the signed-in user…)
    const field = fieldWithNul(value, metadata.data ?? '');
    if (field !== null)
      throw DomainError.invalidField(
        field || metadata.type,
        'must not contain the NUL character (U+0000)',
        'nul_character',
      );
    return value;
  }
}

function fieldWithNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const inside = fieldWithNul(item, path ? `${path}.${key}` : key);
    if (inside !== null) return inside;
  }
  return null;
}
