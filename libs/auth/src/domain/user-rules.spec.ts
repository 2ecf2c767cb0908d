import { checkNewUser, decideUserChange, type UserState } from './user-rules';

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

describe('decideUserChange', () => {
  const handler: UserState = { role: 'handler', unitCode: '110105001', active: true, source: 'local' };
  const admin: UserState = { role: 'admin', unitCode: null, active: true, source: 'local' };

  it('drops the unit when a handler becomes an agent, and needs one the other way', () => {
    expect(decideUserChange(handler, { role: 'agent' }, 1)).toEqual({
      kind: 'changed',
      next: { ...handler, role: 'agent', unitCode: null },
    });
    const toHandler = decideUserChange({ ...handler, role: 'agent', unitCode: null }, { role: 'handler' }, 1);
    expect(toHandler).toMatchObject({ kind: 'invalid', problems: [{ field: 'unitCode', reason: 'required' }] });
  });

  it('moves a handler to another unit, and refuses a unit for a supervisor', () => {
    expect(decideUserChange(handler, { unitCode: '110105002' }, 0)).toMatchObject({
      kind: 'changed',
      next: { unitCode: '110105002' },
    });
    expect(decideUserChange(handler, { role: 'supervisor', unitCode: '110105' }, 0)).toMatchObject({
      kind: 'invalid',
    });
  });

  it('keeps the last active admin: neither disabled nor re-roled; another admin may be', () => {
    expect(decideUserChange(admin, { active: false }, 0)).toMatchObject({ reason: 'user.last_admin' });
    expect(decideUserChange(admin, { role: 'supervisor' }, 0)).toMatchObject({ reason: 'user.last_admin' });
    expect(decideUserChange(admin, { active: false }, 1)).toMatchObject({ kind: 'changed' });
    expect(decideUserChange({ ...admin, active: false }, { active: true }, 0)).toMatchObject({ kind: 'changed' });
  });

  it("leaves a single sign-on user's role and unit to the provider, but can disable them", () => {
    const sso: UserState = { ...handler, source: 'sso' };
    expect(decideUserChange(sso, { role: 'agent' }, 0)).toMatchObject({ reason: 'user.managed_by_sso' });
    expect(decideUserChange(sso, { active: false }, 0)).toMatchObject({ kind: 'changed', next: { active: false } });
  });

  it('says when nothing changes', () => {
    expect(decideUserChange(handler, { unitCode: '110105001', active: true }, 0)).toEqual({ kind: 'unchanged' });
  });
});
