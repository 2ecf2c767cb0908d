import { DomainError } from '@hotline/core';
import { readIdempotencyKey } from './idempotency-key';

/** The field error a header value is refused with, or the key it reads as. */
function read(values: string[] | undefined): string | null | { field: string; reason: string } {
  try {
    return readIdempotencyKey(values);
  } catch (error) {
    const { field, reason } = (error as DomainError).fields[0];
    return { field, reason };
  }
}

describe('readIdempotencyKey', () => {
  it('is optional', () => {
    expect(read(undefined)).toBeNull();
  });

  it('takes any printable ASCII up to 255 characters as it is', () => {
    expect(read(['8e03978e-40d5-43e8-bc93-6894a57f9324'])).toBe('8e03978e-40d5-43e8-bc93-6894a57f9324');
    expect(read(['"quoted as in the draft"'])).toBe('"quoted as in the draft"');
    expect(read(['k'.repeat(255)])).toBe('k'.repeat(255));
  });

  it('names the header with the reason for an empty, long, non-ASCII or repeated key', () => {
    const refused = (reason: string) => ({ field: 'Idempotency-Key', reason });
    expect(read([''])).toEqual(refused('isNotEmpty'));
    expect(read(['k'.repeat(256)])).toEqual(refused('maxLength'));
    expect(read(['clé-1'])).toEqual(refused('printable_ascii'));
    expect(read(['tab\there'])).toEqual(refused('printable_ascii'));
    expect(read(['a', 'b'])).toEqual(refused('repeated'));
  });

  it('refuses with a 400 (VALIDATION_FAILED)', () => {
    expect(() => readIdempotencyKey([''])).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
