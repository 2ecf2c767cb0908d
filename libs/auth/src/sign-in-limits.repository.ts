import { Injectable } from '@nestjs/common';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '@hotline/config';
import { TransactionService } from '@hotline/database';
import { addressLimitKey, usernameLimitKey } from './domain/sign-in-limits';

/**
 * `sign_in_limits`: failed sign-ins per username and per client address within a window, in
 * PostgreSQL so every api process counts the same (rate-limiter-flexible's PostgreSQL store; the
 * table comes from a migration). A key that reached its limit is locked until its window of
 * AUTH_LOCKOUT_SECONDS, counted from its first failure, ends.
 */
@Injectable()
export class SignInLimitsRepository {
  private readonly byUsername: RateLimiterPostgres;
  private readonly byAddress: RateLimiterPostgres;

  constructor(db: TransactionService, config: AppConfig) {
    const store = {
      storeClient: db.poolManager.connection,
      storeType: 'typeorm',
      tableName: 'sign_in_limits',
      tableCreated: true,
      duration: config.AUTH_LOCKOUT_SECONDS,
    };
    this.byUsername = new RateLimiterPostgres({
      ...store,
      keyPrefix: 'sign-in',
      points: config.AUTH_FAILURES_PER_USERNAME,
    });
    this.byAddress = new RateLimiterPostgres({
      ...store,
      keyPrefix: 'sign-in',
      points: config.AUTH_FAILURES_PER_ADDRESS,
    });
  }

  /** Seconds until the username or the address may try again; 0 when both may now. */
  async lockedFor(username: string, address: string | undefined): Promise<number> {
    const [user, addr] = await Promise.all([
      this.byUsername.get(usernameLimitKey(username)),
      this.byAddress.get(addressLimitKey(address)),
    ]);
    return Math.max(lockSeconds(user, this.byUsername.points), lockSeconds(addr, this.byAddress.points));
  }

  async recordFailure(username: string, address: string | undefined): Promise<void> {
    await Promise.all([
      consumeQuietly(this.byUsername, usernameLimitKey(username)),
      consumeQuietly(this.byAddress, addressLimitKey(address)),
    ]);
  }

  /** A right password clears the username's count (not the address's: one good sign-in does not license guessing). */
  async clearUsername(username: string): Promise<void> {
    await this.byUsername.delete(usernameLimitKey(username));
  }
}

function lockSeconds(state: RateLimiterRes | null, points: number): number {
  if (!state || state.consumedPoints < points) return 0;
  return Math.ceil(state.msBeforeNext / 1000);
}

/** Going over the limit rejects with the state; that is the lock being set, not a failure. */
async function consumeQuietly(limiter: RateLimiterPostgres, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
  }
}
