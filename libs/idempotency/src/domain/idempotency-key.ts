import { DomainError } from '@hotline/core';

/** The request header of the IETF httpapi "Idempotency-Key" draft (docs/api.md, "Safe retries"). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Set on an answer that repeats the one first given under the key. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

/**
 * The key a client sent, or null when it sent none (the header is optional). The value is opaque:
 * a UUID, or the draft's quoted string (the quotes are then part of the key). `values` are the
 * header's occurrences as received (Node's `headersDistinct`): a header sent twice is refused
 * rather than joined, so two keys never pass for one.
 */
export function readIdempotencyKey(values: readonly string[] | undefined): string | null {
  if (values === undefined) return null;
  const refuse = (message: string, reason: string) => {
    throw DomainError.invalidField(IDEMPOTENCY_KEY_HEADER, message, reason);
  };
  if (values.length > 1) refuse('must be sent once', 'repeated');
  const key = values[0];
  if (key.length === 0) refuse('must not be empty', 'isNotEmpty');
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    refuse(`must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`, 'maxLength');
  }
  if (!PRINTABLE_ASCII.test(key)) refuse('must be printable ASCII', 'printable_ascii');
  return key;
}
