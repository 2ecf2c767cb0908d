import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import jestOpenAPI from 'jest-openapi';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Http, startApi } from '../support/apps';
import { adminToken } from '../support/auth';
import { ApiProcess, startApiProcess } from '../support/api-process';

// Answers are checked against the committed openapi.json by a validator nobody here wrote.
jestOpenAPI(join(__dirname, '..', '..', 'openapi.json'));

const PASSWORD = 'test-passphrase-1';
/** USER_STATUS_CACHE_MS is 2 s: a change must reach every api process well within 5 s. */
const REVOCATION_BOUND_MS = 5_000;

/**
 * Accounts an admin can change and a centre can trust (docs/api.md, "Users"; docs/decisions.md,
 * "Sign-in abuse"): this file's api in the test process and a second api in a process of its own,
 * both on the test database, as two instances behind one load balancer.
 */
describe('users, revocation and sign-in limits across two api processes', () => {
  let app: NestExpressApplication;
  let http: () => Http;
  let second: ApiProcess;
  let admin: string;

  beforeAll(async () => {
    ({ app, http } = await startApi());
    second = await startApiProcess(3395, {
      AUTH_FAILURES_PER_ADDRESS: '5',
      TRUST_PROXY: 'loopback',
      AUTH_HASH_CONCURRENCY: '1',
      AUTH_HASH_QUEUE: '1',
    });
    admin = await adminToken(http);
  });
  afterAll(async () => {
    await second?.stop();
    await app?.close();
  });

  async function newUser(role: 'agent' | 'handler' | 'supervisor', unitCode?: string) {
    const username = `${role}-${randomUUID().slice(0, 8)}`;
    const { body } = await http()
      .post('/api/v1/users')
      .auth(admin, { type: 'bearer' })
      .send({ username, password: PASSWORD, role, ...(unitCode ? { unitCode } : {}) })
      .expect(201);
    return { id: body.id as string, username, token: await signIn(http, username, PASSWORD) };
  }

  /**
   * Signs in from an address of its own: the second api trusts loopback proxies and allows few
   * failures per address, which the suite's other sign-ins from 127.0.0.1 may have used up.
   */
  async function signIn(on: () => Http, username: string, password: string, address = randomAddress()) {
    const res = await on()
      .post('/api/v1/auth/token')
      .set('x-forwarded-for', address)
      .send({ username, password })
      .expect(200);
    return res.body.accessToken as string;
  }

  function randomAddress(): string {
    return `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
  }

  /** Polls `on` until the token is refused; how long that took. */
  async function refusedWithin(on: () => Http, token: string): Promise<number> {
    const started = performance.now();
    for (;;) {
      const res = await on().get('/api/v1/cases?limit=1').auth(token, { type: 'bearer' });
      if (res.status === 401) {
        expect(res.body).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'auth.token_revoked' });
        return performance.now() - started;
      }
      expect(res.status).toBe(200);
      if (performance.now() - started > REVOCATION_BOUND_MS + 1000) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('a disabled user’s token stops working on every api process within 5 s, and they cannot sign in', async () => {
    const agent = await newUser('agent');
    // Both processes have seen the token (and cached the user) before the change.
    await http().get('/api/v1/cases?limit=1').auth(agent.token, { type: 'bearer' }).expect(200);
    await second.http().get('/api/v1/cases?limit=1').auth(agent.token, { type: 'bearer' }).expect(200);

    const disabled = await http()
      .patch(`/api/v1/users/${agent.id}`)
      .auth(admin, { type: 'bearer' })
      .send({ active: false })
      .expect(200);
    expect(disabled).toSatisfyApiSpec();
    const body = disabled.body;
    expect(body).toMatchObject({ id: agent.id, active: false, source: 'local' });

    expect(await refusedWithin(second.http, agent.token)).toBeLessThan(REVOCATION_BOUND_MS);
    expect(await refusedWithin(http, agent.token)).toBeLessThan(REVOCATION_BOUND_MS);
    await http().post('/api/v1/auth/token').send({ username: agent.username, password: PASSWORD }).expect(401);
  });

  it('a role or unit change ends the old token; the next sign-in carries the new role', async () => {
    const handler = await newUser('handler', '110105001');
    await second.http().get('/api/v1/units/110105001/inbox').auth(handler.token, { type: 'bearer' }).expect(200);
    const { body } = await http()
      .patch(`/api/v1/users/${handler.id}`)
      .auth(admin, { type: 'bearer' })
      .send({ role: 'agent' })
      .expect(200);
    expect(body).toMatchObject({ role: 'agent', unitCode: null });
    expect(await refusedWithin(second.http, handler.token)).toBeLessThan(REVOCATION_BOUND_MS);
    const again = await signIn(second.http, handler.username, PASSWORD);
    expect(JSON.parse(Buffer.from(again.split('.')[1], 'base64url').toString())).toMatchObject({
      role: 'agent',
      unitCode: null,
    });
    await second.http().get('/api/v1/cases?limit=1').auth(again, { type: 'bearer' }).expect(200);
  });

  it('refuses changes that break the rules, naming the field or the reason', async () => {
    const agent = await newUser('agent');
    const toHandler = await http()
      .patch(`/api/v1/users/${agent.id}`)
      .auth(admin, { type: 'bearer' })
      .send({ role: 'handler' })
      .expect(400);
    expect(toHandler.body.errors).toEqual([expect.objectContaining({ field: 'unitCode', reason: 'required' })]);
    const unknownUnit = await http()
      .patch(`/api/v1/users/${agent.id}`)
      .auth(admin, { type: 'bearer' })
      .send({ role: 'handler', unitCode: '999999999' })
      .expect(400);
    expect(unknownUnit.body.errors).toEqual([expect.objectContaining({ field: 'unitCode', reason: 'unknown_unit' })]);
    const badType = await http()
      .patch(`/api/v1/users/${agent.id}`)
      .auth(admin, { type: 'bearer' })
      .send({ active: 'no' })
      .expect(400);
    expect(badType.body.errors).toEqual([expect.objectContaining({ field: 'active' })]);
    await http()
      .patch(`/api/v1/users/${randomUUID()}`)
      .auth(admin, { type: 'bearer' })
      .send({ active: false })
      .expect(404);
    await http()
      .patch(`/api/v1/users/${agent.id}`)
      .auth(agent.token, { type: 'bearer' })
      .send({ role: 'admin' })
      .expect(403);
  });

  it('an admin’s reset ends the user’s sign-ins; the new password works, the old does not', async () => {
    const agent = await newUser('agent');
    await http()
      .post(`/api/v1/users/${agent.id}/password`)
      .auth(admin, { type: 'bearer' })
      .send({ password: 'short' })
      .expect(400);
    await http()
      .post(`/api/v1/users/${agent.id}/password`)
      .auth(admin, { type: 'bearer' })
      .send({ password: 'a-fresh-passphrase-9' })
      .expect(204);
    expect(await refusedWithin(second.http, agent.token)).toBeLessThan(REVOCATION_BOUND_MS);
    await http().post('/api/v1/auth/token').send({ username: agent.username, password: PASSWORD }).expect(401);
    await signIn(http, agent.username, 'a-fresh-passphrase-9');
    const audit = await http()
      .get(`/api/v1/audit?action=user.password_reset&entityId=${agent.id}`)
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(audit.body.items).toHaveLength(1);
    expect(JSON.stringify(audit.body.items)).not.toContain('a-fresh-passphrase-9');
  });

  it('a user changes their own password with the current one; the answer is a token, the old one ends', async () => {
    const agent = await newUser('agent');
    const wrong = await http()
      .post('/api/v1/auth/password')
      .auth(agent.token, { type: 'bearer' })
      .send({ currentPassword: 'not-it-1', newPassword: 'another-passphrase-2' })
      .expect(400);
    expect(wrong.body).toMatchObject({ reason: 'auth.wrong_password' });
    expect(wrong).toSatisfyApiSpec();
    expect(wrong.body.errors).toEqual([
      expect.objectContaining({ field: 'currentPassword', reason: 'wrong_password' }),
    ]);
    const weak = await http()
      .post('/api/v1/auth/password')
      .auth(agent.token, { type: 'bearer' })
      .send({ currentPassword: PASSWORD, newPassword: 'password1' })
      .expect(400);
    expect(weak.body.errors).toEqual([expect.objectContaining({ field: 'newPassword' })]);

    const changed = await http()
      .post('/api/v1/auth/password')
      .auth(agent.token, { type: 'bearer' })
      .send({ currentPassword: PASSWORD, newPassword: 'another-passphrase-2' })
      .expect(200);
    expect(changed).toSatisfyApiSpec();
    const body = changed.body;
    await second.http().get('/api/v1/cases?limit=1').auth(body.accessToken, { type: 'bearer' }).expect(200);
    expect(await refusedWithin(second.http, agent.token)).toBeLessThan(REVOCATION_BOUND_MS);
    await http().post('/api/v1/auth/password').send({ currentPassword: 'x', newPassword: 'y' }).expect(401);
  });

  it('counts failed sign-ins per username across processes: the 11th attempt on either answers 429', async () => {
    const agent = await newUser('agent');
    for (let i = 0; i < 10; i++) {
      const on = i % 2 === 0 ? http : second.http;
      await on()
        .post('/api/v1/auth/token')
        .set('x-forwarded-for', `198.51.100.${i}`)
        .send({ username: agent.username, password: `guess-${i}` })
        .expect(401);
    }
    const locked = await http().post('/api/v1/auth/token').send({ username: agent.username, password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'auth.too_many_attempts' });
    expect(locked).toSatisfyApiSpec();
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    await second
      .http()
      .post('/api/v1/auth/token')
      .set('x-forwarded-for', randomAddress())
      .send({ username: agent.username, password: PASSWORD })
      .expect(429);
  });

  it('counts failures per client address behind a trusted proxy (X-Forwarded-For), whatever names it tries', async () => {
    const address = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
    for (let i = 0; i < 5; i++) {
      await second
        .http()
        .post('/api/v1/auth/token')
        .set('x-forwarded-for', address)
        .send({ username: `nobody-${randomUUID().slice(0, 8)}`, password: 'guess-1' })
        .expect(401);
    }
    const agent = await newUser('agent');
    const locked = await second
      .http()
      .post('/api/v1/auth/token')
      .set('x-forwarded-for', address)
      .send({ username: agent.username, password: PASSWORD });
    expect(locked.status).toBe(429);
    await signIn(second.http, agent.username, PASSWORD, '192.0.2.77');
  });

  it('answers 503 auth.busy at once when more sign-ins wait for a password check than the queue holds', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        second
          .http()
          .post('/api/v1/auth/token')
          .set('x-forwarded-for', `192.0.2.${100 + i}`)
          .send({ username: `flood-${randomUUID().slice(0, 8)}`, password: 'guess-1' }),
      ),
    );
    const statuses = attempts.map((a) => a.status);
    expect(statuses).toContain(503);
    expect(statuses).toContain(401);
    expect(statuses.every((s) => s === 503 || s === 401)).toBe(true);
    const busy = attempts.find((a) => a.status === 503);
    expect(busy?.body).toMatchObject({ reason: 'auth.busy' });
    expect(busy).toSatisfyApiSpec();
    expect(busy?.headers['retry-after']).toBe('2');
  });
});
