import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import pLimit from 'p-limit';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '@hotline/config';
import { DomainError } from '@hotline/core';

/**
 * argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): the library's default (64 MiB,
 * 3 passes, 4 lanes on 4 threads) cost ~400 ms of CPU per check on this machine and one check took
 * every core (measured with `npm run bench -- sign-in-flood`). A hash records its own parameters:
 * hashes made with the old ones still verify.
 */
const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * Password checks, bounded (docs/decisions.md, "Sign-in abuse"): each costs tens of milliseconds of
 * CPU, so a flood of sign-ins would otherwise take a core from the agents' requests. Sign-ins are
 * admitted at AUTH_HASH_PER_SECOND per process; at most AUTH_HASH_CONCURRENCY checks run at once
 * with AUTH_HASH_QUEUE waiting; beyond either, a sign-in answers 503 `auth.busy` at once.
 */
@Injectable()
export class PasswordHasherService {
  /** A hash of a random password, verified when the username is unknown so timing tells nothing. */
  private readonly decoy = argon2.hash(`decoy-${Math.random()}`, HASH_OPTIONS);
  private readonly limit: pLimit.Limit;
  private readonly perSecond: RateLimiterMemory;

  constructor(private readonly config: AppConfig) {
    this.limit = pLimit(config.AUTH_HASH_CONCURRENCY);
    this.perSecond = new RateLimiterMemory({ points: config.AUTH_HASH_PER_SECOND, duration: 1 });
  }

  hash(password: string): Promise<string> {
    return this.bounded(() => argon2.hash(password, HASH_OPTIONS));
  }

  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
    const against = hash ?? (await this.decoy);
    return this.bounded(async () => {
      try {
        return await argon2.verify(against, password);
      } catch {
        return false;
      }
    });
  }

  /**
   * A sign-in's turn for a password check, taken before its first database read, so a flood beyond
   * what the process checks costs almost nothing: refused when this second's checks are spent or the
   * queue is full.
   */
  async admit(): Promise<void> {
    this.refuseWhenQueueFull();
    await this.perSecond.consume('password-checks').catch((refusal: unknown) => {
      const waitMs = refusal instanceof RateLimiterRes ? refusal.msBeforeNext : 1000;
      throw busy(Math.max(1, Math.ceil(waitMs / 1000)));
    });
  }

  private refuseWhenQueueFull(): void {
    if (this.limit.pendingCount >= this.config.AUTH_HASH_QUEUE) throw busy(2);
  }

  private async bounded<T>(work: () => Promise<T>): Promise<T> {
    this.refuseWhenQueueFull();
    return this.limit(work);
  }
}

function busy(retryAfterSeconds: number): DomainError {
  return new DomainError('auth.busy', 'Too many sign-ins at once; retry shortly', [], retryAfterSeconds);
}
