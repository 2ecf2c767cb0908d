import { maskPhone, normalizePhone } from './phone';

describe('phone numbers', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['86-13812345678', '13812345678'],
    ['010-65123456', '01065123456'],
    ['0755 12345678', '075512345678'],
  ])('normalises %s', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it.each(['12345', '23812345678', '1381234567', 'abc', '138123456789', ''])('refuses %s', (raw) => {
    expect(normalizePhone(raw)).toBeUndefined();
  });

  it('masks the middle digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('01065123456')).toBe('010****3456');
  });
});
