import { DomainError } from '@hotline/core';
import { assertAssignable } from './assignee-rules';

const reasonOf = (f: () => void): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    return (e as DomainError).fields[0]?.reason;
  }
};

describe('assertAssignable', () => {
  it('takes an active handler of the unit', () => {
    expect(reasonOf(() => assertAssignable({ role: 'handler', unitCode: 'U1', active: true }, 'U1'))).toBeUndefined();
  });

  it('refuses a missing or disabled user', () => {
    expect(reasonOf(() => assertAssignable(null, 'U1'))).toBe('user_not_found');
    expect(reasonOf(() => assertAssignable({ role: 'handler', unitCode: 'U1', active: false }, 'U1'))).toBe(
      'user_not_found',
    );
  });

  it('refuses a handler of another unit and centre staff', () => {
    expect(reasonOf(() => assertAssignable({ role: 'handler', unitCode: 'U2', active: true }, 'U1'))).toBe(
      'not_in_unit',
    );
    expect(reasonOf(() => assertAssignable({ role: 'supervisor', unitCode: null, active: true }, 'U1'))).toBe(
      'not_in_unit',
    );
  });
});
