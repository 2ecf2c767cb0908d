import { createServer, Server } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { Http, startApi } from '../support/apps';

/** 一次登录, 全网通办: tokens of an external OIDC provider, checked against its JWKS (served locally). */
describe('single sign-on with an external OIDC provider', () => {
  let app: NestExpressApplication;
  let http: () => Http;
  let jwks: Server;
  let sign: (claims: Record<string, unknown>, options?: { issuer?: string; expires?: string }) => Promise<string>;
  const issuer = 'https://sso.test.gov.cn';

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'sso-1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })),
    );
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const port = (jwks.address() as { port: number }).port;
    sign = (claims, options = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'sso-1' })
        .setIssuer(options.issuer ?? issuer)
        .setAudience('hotline-12345')
        .setSubject(typeof claims.sub === 'string' ? claims.sub : 'sso-user')
        .setIssuedAt()
        .setExpirationTime(options.expires ?? '5m')
        .sign(privateKey);
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
    ]) {
      await http().get('/api/v1/cases?limit=1').auth(token, { type: 'bearer' }).expect(401);
    }
  });
});
