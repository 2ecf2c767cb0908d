import { checkNewUser } from './user-rules';

const fields = (user: Parameters<typeof checkNewUser>[0]) => checkNewUser(user).map((p) => p.field);

describe('checkNewUser', () => {
  it('accepts an agent without a unit and a handler with one', () => {
    expect(fields({ username: 'agent.li', password: 'long-enough-1', role: 'agent' })).toEqual([]);
    expect(fields({ username: 'h-wang', password: 'long-enough-1', role: 'handler', unitCode: '110105001' })).toEqual(
      [],
    );
  });

  it('binds handlers, and only handlers, to a unit', () => {
    expect(fields({ username: 'h-wang', password: 'long-enough-1', role: 'handler' })).toEqual(['unitCode']);
    expect(fields({ username: 'sup', password: 'long-enough-1', role: 'supervisor', unitCode: '110105' })).toEqual([
      'unitCode',
    ]);
  });

  it('refuses passwords without both letters and digits, and the most common ones', () => {
    expect(fields({ username: 'agent1', password: 'onlyletters', role: 'agent' })).toEqual(['password']);
    expect(fields({ username: 'agent1', password: '1234567890', role: 'agent' })).toEqual(['password']);
    expect(fields({ username: 'agent1', password: 'Passw0rd', role: 'agent' })).toEqual(['password']);
  });

  it('refuses short passwords, passwords containing the username, and odd usernames', () => {
    expect(fields({ username: 'agent1', password: 'short', role: 'agent' })).toEqual(['password']);
    expect(fields({ username: 'agent1', password: 'my-agent1-pass', role: 'agent' })).toEqual(['password']);
    expect(fields({ username: 'A B', password: 'long-enough-1', role: 'agent' })).toEqual(['username']);
  });
});
