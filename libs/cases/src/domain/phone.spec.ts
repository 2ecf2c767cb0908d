import { callerPhoneOf, maskPhone, normalizePhone } from './phone';

describe('phone numbers', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['86-13812345678', '13812345678'],
    ['010-65123456', '01065123456'],
    ['0755 12345678', '075512345678'],
    ['+852 9123 4567', '+85291234567'],
    ['0049 (151) 2345 6789', '+4915123456789'],
  ])('normalises %s', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it.each(['12345', '23812345678', '1381234567', 'abc', '138123456789', '', '+8623812345678', '+1234567890123456'])(
    'refuses %s',
    (raw) => {
      expect(normalizePhone(raw)).toBeUndefined();
    },
  );

  it('masks the middle digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('01065123456')).toBe('010****3456');
    expect(maskPhone('+85291234567')).toBe('+85*****4567');
  });

  it('lets a letter or a web demand come without a number, never a call', () => {
    expect(callerPhoneOf('letter', undefined)).toEqual({ phone: null });
    expect(callerPhoneOf('web', ' ')).toEqual({ phone: null });
    expect(callerPhoneOf('phone', undefined)).toMatchObject({ field: 'callerPhone', reason: 'required' });
    expect(callerPhoneOf('letter', '123')).toMatchObject({ field: 'callerPhone', reason: 'not_a_phone' });
    expect(callerPhoneOf('phone', '+86 138 1234 5678')).toEqual({ phone: '13812345678' });
  });
});
