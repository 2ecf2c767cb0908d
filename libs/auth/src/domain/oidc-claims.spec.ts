import { principalFromOidc } from './oidc-claims';

const names = { role: 'hotline_role', unit: 'hotline_unit' };
const issuer = 'https://sso.example.gov.cn';

describe('principalFromOidc', () => {
  it('maps role and unit claims, with a stable UUID per issuer and subject', () => {
    const a = principalFromOidc(
      { sub: 'u-1', preferred_username: 'li.handler', hotline_role: 'handler', hotline_unit: '110105001' },
      issuer,
      names,
    );
    expect(a).toMatchObject({ username: 'li.handler', role: 'handler', unitCode: '110105001' });
    expect(a.userId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(
      principalFromOidc({ sub: 'u-1', hotline_role: 'handler', hotline_unit: '110105001' }, issuer, names).userId,
    ).toBe(a.userId);
    expect(principalFromOidc({ sub: 'u-1', hotline_role: 'agent' }, 'https://other', names).userId).not.toBe(a.userId);
  });

  it('takes the first known role from a list, and no unit for centre staff', () => {
    expect(
      principalFromOidc({ sub: 's', hotline_role: ['viewer', 'supervisor'], hotline_unit: 'X' }, issuer, names),
    ).toMatchObject({
      role: 'supervisor',
      unitCode: null,
    });
  });

  it('refuses tokens without a known role, a handler without a unit, or no subject', () => {
    expect(() => principalFromOidc({ sub: 's', hotline_role: 'mayor' }, issuer, names)).toThrow(/names no role/);
    expect(() => principalFromOidc({ sub: 's', hotline_role: 'handler' }, issuer, names)).toThrow(
      /needs a hotline_unit/,
    );
    expect(() => principalFromOidc({ hotline_role: 'agent' }, issuer, names)).toThrow(/no subject/);
  });
});
