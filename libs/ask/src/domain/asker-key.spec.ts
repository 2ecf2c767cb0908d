import { askerKey } from './asker-key';

describe('askerKey', () => {
  it('counts a client by a hash that holds no address', () => {
    const key = askerKey('203.0.113.7');
    expect(key).toMatch(/^ask:[\w-]{22}$/);
    expect(key).not.toContain('203');
    expect(askerKey('203.0.113.7')).toBe(key);
    expect(askerKey('203.0.113.8')).not.toBe(key);
  });
});
