import { AuthService } from './auth.service';
import type { PasswordHasherService } from './password-hasher.service';
import type { TokenService } from './token.service';
import type { UsersService } from './users.service';

const LI = { id: 'u-1', username: 'li', passwordHash: 'hash-of-right', role: 'agent', unitCode: null };

function auth() {
  const verified: (string | undefined)[] = [];
  const service = new AuthService(
    { findActiveByUsername: async (name: string) => (name === 'li' ? LI : null) } as unknown as UsersService,
    {
      verify: async (hash: string | undefined, password: string) => {
        verified.push(hash);
        return hash === 'hash-of-right' && password === 'right';
      },
    } as unknown as PasswordHasherService,
    {
      issue: async (p: { username: string }) => `token-for-${p.username}`,
      ttlSeconds: 3600,
    } as unknown as TokenService,
  );
  return { service, verified };
}

describe('AuthService', () => {
  it('issues a token for the right password', async () => {
    expect(await auth().service.issueToken('li', 'right')).toEqual({ accessToken: 'token-for-li', expiresIn: 3600 });
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
});
