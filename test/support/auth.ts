import { randomUUID } from 'node:crypto';
import type { Role } from '@hotline/auth';
import type { Http } from './apps';

const PASSWORD = 'test-passphrase-1';

let admin: Promise<string> | undefined;

/** The bootstrap admin's token, signed in once per test file (sign-in is rate-limited per username). */
export function adminToken(http: () => Http): Promise<string> {
  admin ??= signInAdmin(http);
  return admin;
}

async function signInAdmin(http: () => Http): Promise<string> {
  const res = await http()
    .post('/api/v1/auth/token')
    .send({
      username: process.env.BOOTSTRAP_ADMIN_USERNAME ?? 'admin',
      password: process.env.BOOTSTRAP_ADMIN_PASSWORD ?? 'admin12345',
    })
    .expect(200);
  return res.body.accessToken as string;
}

/** Creates a user with a unique name through the api (as the bootstrap admin) and signs in. */
export async function tokenFor(http: () => Http, role: Role, unitCode?: string): Promise<string> {
  const username = `${role}-${randomUUID().slice(0, 8)}`;
  await http()
    .post('/api/v1/users')
    .auth(await adminToken(http), { type: 'bearer' })
    .send({ username, password: PASSWORD, role, ...(unitCode ? { unitCode } : {}) })
    .expect(201);
  const res = await http().post('/api/v1/auth/token').send({ username, password: PASSWORD }).expect(200);
  return res.body.accessToken as string;
}
