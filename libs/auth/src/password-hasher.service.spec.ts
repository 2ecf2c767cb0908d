import type { AppConfig } from '@hotline/config';
import { DomainError } from '@hotline/core';
import { PasswordHasherService } from './password-hasher.service';

const hasher = (perSecond: number, queue = 32) =>
  new PasswordHasherService({
    AUTH_HASH_CONCURRENCY: 1,
    AUTH_HASH_QUEUE: queue,
    AUTH_HASH_PER_SECOND: perSecond,
  } as AppConfig);

const refusal = (attempt: Promise<unknown>) =>
  attempt.then(
    () => null,
    (error: unknown) =>
      error instanceof DomainError ? { reason: error.reason, retry: error.retryAfterSeconds } : error,
  );

describe('PasswordHasherService', () => {
  it('admits AUTH_HASH_PER_SECOND sign-ins a second and refuses the next with auth.busy and Retry-After', async () => {
    const bounded = hasher(3);
    for (let i = 0; i < 3; i += 1) await bounded.admit();
    expect(await refusal(bounded.admit())).toEqual({ reason: 'auth.busy', retry: 1 });
  });

  it('refuses at once when AUTH_HASH_QUEUE checks already wait', async () => {
    const bounded = hasher(100, 1);
    const hash = await bounded.hash('密码-correct-horse');
    // One check runs (started by the next turn of the loop), one waits: the queue is full.
    const first = bounded.verify(hash, 'x');
    await new Promise(setImmediate);
    const running = [first, bounded.verify(hash, 'y')];
    expect(await refusal(bounded.admit())).toEqual({ reason: 'auth.busy', retry: 2 });
    expect(await Promise.all(running)).toEqual([false, false]);
    expect(await bounded.verify(hash, '密码-correct-horse')).toBe(true);
  });
});
