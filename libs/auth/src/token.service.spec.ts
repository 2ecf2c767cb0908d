import { JwtService } from '@nestjs/jwt';
import { addMs, Clock, SystemClock } from '@hotline/clock';
import { loadAppConfig } from '@hotline/config';
import { TokenService } from './token.service';

const OLD = 'an-old-secret-of-more-than-thirty-two-chars';
const NEW = 'a-new-secret-of-more-than-thirty-two-chars!!';
const principal = {
  userId: '6f1d2a3b-0c4d-4e5f-8a9b-0c1d2e3f4a5b',
  username: 'li',
  role: 'agent' as const,
  unitCode: null,
};
// jsonwebtoken stamps `iat` from the machine's time; the retirement window is read from the Clock.
const STARTED = new SystemClock().now();
class MovableClock extends Clock {
  at = STARTED;
  now(): Date {
    return this.at;
  }
}
const clock = new MovableClock();
const service = (env: NodeJS.ProcessEnv) =>
  new TokenService(new JwtService({ signOptions: { expiresIn: 3600 } }), loadAppConfig(env), clock);
const RETIRED_AT = addMs(STARTED, 30_000).toISOString();

describe('TokenService key rotation', () => {
  const before = service({ JWT_SECRET: OLD, JWT_KEY_ID: 'k1' });
  const after = service({ JWT_SECRET: NEW, JWT_KEY_ID: 'k2', JWT_PREVIOUS_KEYS: `k1:${RETIRED_AT}:${OLD}` });
  const dropped = service({ JWT_SECRET: NEW, JWT_KEY_ID: 'k2' });

  it('writes the kid in the header', async () => {
    const token = await after.issue(principal, 1);
    expect(JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString())).toMatchObject({
      alg: 'HS256',
      kid: 'k2',
    });
  });

  it('still accepts tokens of a retired key while it is listed, then refuses them', async () => {
    const old = await before.issue(principal, 1);
    await expect(after.verify(old)).resolves.toMatchObject({
      principal: { username: 'li', role: 'agent' },
      tokenVersion: 1,
    });
    await expect(dropped.verify(old)).rejects.toThrow('Invalid or expired token');
  });

  it('refuses a token of a retired key signed after its retirement time', async () => {
    const early = service({
      JWT_SECRET: NEW,
      JWT_KEY_ID: 'k2',
      JWT_PREVIOUS_KEYS: `k1:${addMs(STARTED, -60_000).toISOString()}:${OLD}`,
    });
    const old = await before.issue(principal, 1);
    await expect(early.verify(old)).rejects.toThrow('Invalid or expired token');
  });

  it('refuses a retired key one token lifetime after its retirement', async () => {
    const old = await before.issue(principal, 1);
    clock.at = addMs(STARTED, 30_000 + 3600_000 + 1000);
    try {
      await expect(after.verify(old)).rejects.toThrow('Invalid or expired token');
    } finally {
      clock.at = STARTED;
    }
  });

  it('refuses a token whose kid names the right key id but was signed with another secret', async () => {
    const forged = await service({ JWT_SECRET: 'x'.repeat(40), JWT_KEY_ID: 'k2' }).issue(principal, 1);
    await expect(after.verify(forged)).rejects.toThrow('Invalid or expired token');
  });

  it('refuses external (non-HS256) tokens when single sign-on is off', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'x' })).toString('base64url');
    await expect(after.verify(`${header}.e30.sig`)).rejects.toThrow('Invalid or expired token');
  });
});
