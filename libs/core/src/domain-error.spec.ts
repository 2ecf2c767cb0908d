import { DomainError, ERROR_CODES, isDomainError } from './domain-error';

describe('DomainError', () => {
  it('names every bad field in a validation error', () => {
    const error = DomainError.validation([
      { field: 'streetCode', message: 'must belong to the district' },
      { field: 'callerPhone', message: 'must be a phone number' },
    ]);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('Invalid input: streetCode, callerPhone');
    expect(error.fields.map((f) => f.field)).toEqual(['streetCode', 'callerPhone']);
  });

  it('is recognised by isDomainError and only by it', () => {
    expect(isDomainError(DomainError.notFound('Case', 'x'))).toBe(true);
    expect(isDomainError(new Error('plain'))).toBe(false);
  });

  it('has unique codes', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });
});
