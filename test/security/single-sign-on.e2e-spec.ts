import { createServer, Server } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { DataSource } from 'typeorm';
import { Http, startApi } from '../support/apps';
import { adminToken } from '../support/auth';

/** 一次登录, 全网通办: tokens of an external OIDC provider, checked against its JWKS (served locally). */
describe('single sign-on with an external OIDC provider', () => {
  let app: NestExpressApplication;
  let http: () => Http;
  let jwks: Server;
  let sign: (
    claims: Record<string, unknown>,
    options?: { issuer?: string; expires?: string | null },
  ) => Promise<string>;
  const issuer = 'https://sso.test.gov.cn';

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'sso-1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })),
    );
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const port = (jwks.address() as { port: number }).port;
    sign = (claims, options = {}) => {
      const jwt = new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'sso-1' })
        .setIssuer(options.issuer ?? issuer)
        .setAudience('hotline-12345')
        .setSubject(typeof claims.sub === 'string' ? claims.sub : 'sso-user')
        .setIssuedAt();
      if (options.expires !== null) jwt.setExpirationTime(options.expires ?? '5m');
      return jwt.sign(privateKey);
    };
    Object.assign(process.env, { OIDC_JWKS_URL: `http://127.0.0.1:${port}/jwks`, OIDC_ISSUER: issuer });
    ({ app, http } = await startApi());
  });
  afterAll(async () => {
    delete process.env.OIDC_JWKS_URL;
    delete process.env.OIDC_ISSUER;
    await app?.close();
    jwks.close();
  });

  it('accepts the provider’s token, mapped to a role and a unit', async () => {
    const agent = await sign({ sub: 'agent-7', preferred_username: 'zhang.agent', hotline_role: 'agent' });
    await http().get('/api/v1/cases?limit=1').auth(agent, { type: 'bearer' }).expect(200);
    await http().get('/api/v1/users').auth(agent, { type: 'bearer' }).expect(403);
    const handler = await sign({ sub: 'h-9', hotline_role: 'handler', hotline_unit: '110105001' });
    await http().get('/api/v1/units/110105001/inbox').auth(handler, { type: 'bearer' }).expect(200);
    await http().get('/api/v1/units/110108001/inbox').auth(handler, { type: 'bearer' }).expect(403);
  });

  it('refuses a token of another issuer, an expired one, and one without a known role', async () => {
    for (const token of [
      await sign({ sub: 'x', hotline_role: 'agent' }, { issuer: 'https://elsewhere' }),
      await sign({ sub: 'x', hotline_role: 'agent' }, { expires: '-1m' }),
      await sign({ sub: 'x', hotline_role: 'mayor' }),
      await sign({ sub: 'x', hotline_role: 'agent' }, { expires: null }), // no expiry: would work for ever
    ]) {
      await http().get('/api/v1/cases?limit=1').auth(token, { type: 'bearer' }).expect(401);
    }
  });

  it('keeps a local row for each provider identity, so an admin can disable it (role and unit stay the provider’s)', async () => {
    const admin = await adminToken(http);
    const subject = `sso-${Date.parse('2026-01-01') + Math.floor(Math.random() * 1e9)}`;
    const token = await sign({ sub: subject, preferred_username: `${subject}.name`, hotline_role: 'agent' });
    await http().get('/api/v1/cases?limit=1').auth(token, { type: 'bearer' }).expect(200);

    const [row] = await app
      .get(DataSource)
      .query(`SELECT id, role, source, active, password_hash AS "passwordHash" FROM users WHERE username = $1`, [
        `${subject}.name`,
      ]);
    expect(row).toMatchObject({ role: 'agent', source: 'sso', active: true, passwordHash: null });

    const reRole = await http()
      .patch(`/api/v1/users/${row.id}`)
      .auth(admin, { type: 'bearer' })
      .send({ role: 'supervisor' })
      .expect(409);
    expect(reRole.body).toMatchObject({ reason: 'user.managed_by_sso' });
    await http()
      .post(`/api/v1/users/${row.id}/password`)
      .auth(admin, { type: 'bearer' })
      .send({ password: 'a-fresh-passphrase-9' })
      .expect(409);

    await http().patch(`/api/v1/users/${row.id}`).auth(admin, { type: 'bearer' }).send({ active: false }).expect(200);
    const started = performance.now();
    let status = 200;
    while (status === 200 && performance.now() - started < 6000) {
      status = (await http().get('/api/v1/cases?limit=1').auth(token, { type: 'bearer' })).status;
      if (status === 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(401);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
