import { addressLimitKey, usernameLimitKey } from './sign-in-limits';

describe('sign-in limit keys', () => {
  it('counts a username whatever its case or spacing', () => {
    expect(usernameLimitKey(' Agent.Li ')).toBe(usernameLimitKey('agent.li'));
    expect(usernameLimitKey('x'.repeat(500))).toHaveLength('user:'.length + 200);
  });

  it('counts an IPv4 client the same over an IPv6 socket, and an unknown address as one', () => {
    expect(addressLimitKey('::ffff:10.1.2.3')).toBe(addressLimitKey('10.1.2.3'));
    expect(addressLimitKey('2001:DB8::1')).toBe('addr:2001:db8::1');
    expect(addressLimitKey(undefined)).toBe('addr:unknown');
  });
});
