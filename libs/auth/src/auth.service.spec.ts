import { AuthService } from './auth.service';
import type { PasswordHasherService } from './password-hasher.service';
import type { SignInLimitsRepository } from './sign-in-limits.repository';
import type { TokenService } from './token.service';
import type { UserStatusService } from './user-status.service';
import type { UsersService } from './users.service';

const LI = { id: 'u-1', username: 'li', passwordHash: 'hash-of-right', role: 'agent', unitCode: null, tokenVersion: 3 };

function auth(lockedFor = 0) {
  const verified: (string | undefined)[] = [];
  const failures: string[] = [];
  const service = new AuthService(
    { findActiveByUsername: async (name: string) => (name === 'li' ? LI : null) } as unknown as UsersService,
    {
      admit: async () => undefined,
      verify: async (hash: string | undefined, password: string) => {
        verified.push(hash);
        return hash === 'hash-of-right' && password === 'right';
      },
    } as unknown as PasswordHasherService,
    {
      issue: async (p: { username: string }, version: number) => `token-for-${p.username}-v${version}`,
      ttlSeconds: 3600,
    } as unknown as TokenService,
    {
      lockedFor: async () => lockedFor,
      recordFailure: async (username: string) => void failures.push(username),
      clearUsername: async () => undefined,
    } as unknown as SignInLimitsRepository,
    {} as UserStatusService,
  );
  return { service, verified, failures };
}

describe('AuthService', () => {
  it('issues a token for the right password', async () => {
    expect(await auth().service.issueToken('li', 'right')).toEqual({ accessToken: 'token-for-li-v3', expiresIn: 3600 });
  });

  it('answers an unknown user exactly like a wrong password, and still verifies a hash (no timing tell)', async () => {
    const { service, verified } = auth();
    await expect(service.issueToken('li', 'wrong')).rejects.toMatchObject({ reason: 'auth.bad_credentials' });
    await expect(service.issueToken('nobody', 'right')).rejects.toMatchObject({
      reason: 'auth.bad_credentials',
      message: 'Invalid username or password',
    });
    expect(verified).toEqual(['hash-of-right', undefined]); // the unknown user's check ran against the decoy
  });

  it('counts each failure, and refuses a locked username or address before checking any password', async () => {
    const open = auth();
    await expect(open.service.issueToken('li', 'wrong', '10.0.0.1')).rejects.toMatchObject({
      reason: 'auth.bad_credentials',
    });
    expect(open.failures).toEqual(['li']);
    const locked = auth(120);
    await expect(locked.service.issueToken('li', 'right', '10.0.0.1')).rejects.toMatchObject({
      reason: 'auth.too_many_attempts',
      retryAfterSeconds: 120,
    });
    expect(locked.verified).toEqual([]);
  });
});
