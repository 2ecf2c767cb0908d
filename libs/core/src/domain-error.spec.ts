import { DomainError, isDomainError } from './domain-error';
import { ERROR_CODES } from './error-codes';
import { ERROR_REASONS, ERROR_REASON_NAMES } from './error-reasons';

describe('DomainError', () => {
  it('names every bad field in a validation error, each with a reason', () => {
    const error = DomainError.validation([
      { field: 'streetCode', message: 'must belong to the district', reason: 'not_in_district' },
      { field: 'callerPhone', message: 'must be a phone number', reason: 'not_a_phone' },
    ]);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'input.invalid' });
    expect(error.message).toBe('Invalid input: streetCode, callerPhone');
    expect(error.fields).toEqual([
      { field: 'streetCode', message: 'must belong to the district', reason: 'not_in_district' },
      { field: 'callerPhone', message: 'must be a phone number', reason: 'not_a_phone' },
    ]);
  });

  it('takes its code from its reason', () => {
    expect(new DomainError('case.already_signed', 'x').code).toBe('STATE_CONFLICT');
    expect(new DomainError('order.lead_only', 'x').code).toBe('FORBIDDEN');
    expect(new DomainError('case.not_found', 'x').code).toBe('NOT_FOUND');
  });

  it('is recognised by isDomainError and only by it', () => {
    expect(isDomainError(new DomainError('case.not_found', 'Case x not found'))).toBe(true);
    expect(isDomainError(new Error('plain'))).toBe(false);
  });

  it('has unique codes, and reasons named area.what under known codes', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const reason of ERROR_REASON_NAMES) {
      expect(reason).toMatch(/^[a-z][a-z0-9_]*\.[a-z_]+$/);
      expect(ERROR_CODES).toContain(ERROR_REASONS[reason]);
    }
  });
});
