import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@hotline/config';
import { Http, startApi } from '../support/apps';
import { adminToken, tokenFor } from '../support/auth';

describe('auth and access (real api on PostgreSQL)', () => {
  let app: NestExpressApplication;
  let http: () => Http;
  let admin: string;

  beforeAll(async () => {
    ({ app, http } = await startApi());
    admin = await adminToken(http);
  });
  afterAll(() => app?.close());

  describe('POST /api/v1/auth/token', () => {
    it('gives the bootstrap admin a bearer token with its expiry', async () => {
      const res = await http()
        .post('/api/v1/auth/token')
        .send({ username: 'admin', password: 'admin12345' })
        .expect(200);
      expect(res.body.expiresIn).toBe(3600);
      const claims = app.get(JwtService).decode(res.body.accessToken);
      expect(claims).toMatchObject({ username: 'admin', role: 'admin', unitCode: null });
      expect(claims.exp - claims.iat).toBe(3600);
    });

    it('answers 401 alike for a wrong password and an unknown user', async () => {
      const wrong = await http()
        .post('/api/v1/auth/token')
        .send({ username: 'admin', password: 'nope-nope' })
        .expect(401);
      const unknown = await http()
        .post('/api/v1/auth/token')
        .send({ username: `ghost-${randomUUID()}`, password: 'nope-nope' })
        .expect(401);
      expect(wrong.body).toMatchObject({
        statusCode: 401,
        code: 'UNAUTHENTICATED',
        message: 'Invalid username or password',
      });
      expect(unknown.body.message).toBe(wrong.body.message);
    });

    it('names the missing and the unexpected fields in one 400', async () => {
      const res = await http().post('/api/v1/auth/token').send({ username: 'admin', pasword: 'typo' }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      const fields = new Set(res.body.errors.map((e: { field: string }) => e.field));
      expect([...fields].sort()).toEqual(['password', 'pasword']);
      expect(res.body.message).toBe('Invalid input: pasword, password');
    });

    it('names the body when it is not JSON', async () => {
      const res = await http()
        .post('/api/v1/auth/token')
        .set('content-type', 'application/json')
        .send('{"username": "admin",')
        .expect(400);
      expect(res.body).toMatchObject({
        code: 'BAD_REQUEST',
        errors: [{ field: 'body', message: 'is not valid JSON' }],
      });
    });
  });

  describe('guards', () => {
    it('answers 401 without a token, with a malformed, a tampered and an expired one', async () => {
      expect((await http().get('/api/v1/users').expect(401)).body.reason).toBe('auth.token_missing');
      await http().get('/api/v1/users').set('authorization', 'Basic abc').expect(401);
      const [header, payload, signature] = admin.split('.');
      // The real token's claims, with only the subject changed: the signature no longer matches.
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
      expect(claims).toMatchObject({ username: 'admin', role: 'admin' });
      const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'x' })).toString('base64url');
      expect(forged).not.toBe(payload);
      const tampered = await http()
        .get('/api/v1/users')
        .auth(`${header}.${forged}.${signature}`, { type: 'bearer' })
        .expect(401);
      expect(tampered.body).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'auth.token_invalid' });
      const config = app.get(AppConfig);
      const expired = await app
        .get(JwtService)
        .signAsync(
          { sub: 'x', username: 'admin', role: 'admin', unitCode: null },
          { expiresIn: -10, secret: config.JWT_SECRET, keyid: config.JWT_KEY_ID },
        );
      const res = await http().get('/api/v1/users').auth(expired, { type: 'bearer' }).expect(401);
      expect(res.body.message).toBe('Invalid or expired token');
    });

    it('answers 401 for a token signed with another key', async () => {
      const other = new JwtService({ secret: 'another-secret-that-is-long-enough-000000' });
      const token = await other.signAsync({ sub: 'x', username: 'admin', role: 'admin', unitCode: null });
      await http().get('/api/v1/users').auth(token, { type: 'bearer' }).expect(401);
    });

    it('answers 403 to a role the route does not allow', async () => {
      const agent = await tokenFor(http, 'agent');
      const res = await http().get('/api/v1/users').auth(agent, { type: 'bearer' }).expect(403);
      expect(res.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    });

    it('uses the configured secret, not a default, to sign', () => {
      expect(app.get(AppConfig).JWT_SECRET.length).toBeGreaterThanOrEqual(32);
    });
  });

  describe('users', () => {
    const create = (body: object) => http().post('/api/v1/users').auth(admin, { type: 'bearer' }).send(body);

    it('creates a handler bound to a unit, whose token carries the unit', async () => {
      const username = `handler-${randomUUID().slice(0, 8)}`;
      const res = await create({ username, password: 'street-pass-1', role: 'handler', unitCode: '110105001' }).expect(
        201,
      );
      expect(res.body).toMatchObject({ username, role: 'handler', unitCode: '110105001', active: true });
      expect(res.body.passwordHash).toBeUndefined();
      const login = await http().post('/api/v1/auth/token').send({ username, password: 'street-pass-1' }).expect(200);
      expect(app.get(JwtService).decode(login.body.accessToken)).toMatchObject({
        role: 'handler',
        unitCode: '110105001',
      });
    });

    it('refuses a handler without a unit, an unknown unit, a bad role and a short password, by field', async () => {
      const name = () => `u-${randomUUID().slice(0, 8)}`;
      expect(
        (await create({ username: name(), password: 'long-enough-1', role: 'handler' }).expect(400)).body.errors,
      ).toEqual([{ field: 'unitCode', message: 'is required for a handler', reason: 'required' }]);
      const unknownUnit = await create({
        username: name(),
        password: 'long-enough-1',
        role: 'handler',
        unitCode: 'NOPE',
      });
      expect(unknownUnit.status).toBe(400);
      expect(unknownUnit.body.errors).toEqual([
        { field: 'unitCode', message: 'is not a known unit', reason: 'unknown_unit' },
      ]);
      const badRole = await create({ username: name(), password: 'long-enough-1', role: 'mayor' }).expect(400);
      expect(badRole.body.errors[0].field).toBe('role');
      const short = await create({ username: name(), password: 'short', role: 'agent' }).expect(400);
      expect(short.body.errors).toEqual([
        { field: 'password', message: 'must be at least 8 characters', reason: 'too_short' },
      ]);
    });

    it('answers 409 naming the username when it is taken', async () => {
      const username = `dup-${randomUUID().slice(0, 8)}`;
      await create({ username, password: 'long-enough-1', role: 'agent' }).expect(201);
      const res = await create({ username, password: 'long-enough-1', role: 'agent' }).expect(409);
      expect(res.body).toMatchObject({
        code: 'ALREADY_EXISTS',
        errors: [{ field: 'username', message: 'is already taken' }],
      });
    });

    it('lists users, paged', async () => {
      const res = await http().get('/api/v1/users?limit=2').auth(admin, { type: 'bearer' }).expect(200);
      expect(res.body.items).toHaveLength(2);
      expect(res.body.total).toBeGreaterThanOrEqual(2);
      expect(res.body.items[0].passwordHash).toBeUndefined();
    });
  });
});
