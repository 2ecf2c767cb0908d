import { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { DomainError } from '@hotline/core';

/** Deeper than any request of the api (an SLA policy's `items[].dispatchWithin.amount` is 3). */
export const MAX_NESTING = 16;

/**
 * A body of 10,000 nested arrays (20 KB of `[` and `]`) overflowed the stack of every recursive walk
 * after JSON.parse — ours for NUL characters, class-transformer's — as a 500 (found by fuzzing). Refused
 * first, without recursion, as a 400 naming the top-level field that holds it.
 */
export class NestingDepthPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value; // values the server made (the signed-in user…)
    const field = fieldNestedTooDeep(value);
    if (field !== null)
      throw DomainError.invalidField(
        field || metadata.data || metadata.type,
        `must not be nested deeper than ${MAX_NESTING} levels`,
        'too_deep',
      );
    return value;
  }
}

/** The top-level key under which `value` nests deeper than MAX_NESTING ('' for the value itself); null if none. */
function fieldNestedTooDeep(value: unknown): string | null {
  const pending: { item: unknown; depth: number; field: string }[] = [{ item: value, depth: 0, field: '' }];
  while (pending.length > 0) {
    const { item, depth, field } = pending.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= MAX_NESTING) return field;
    for (const [key, inner] of Object.entries(item))
      pending.push({ item: inner, depth: depth + 1, field: field || key });
  }
  return null;
}
