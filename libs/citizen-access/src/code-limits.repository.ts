import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '@hotline/config';
import { DomainError } from '@hotline/core';
import { TransactionService } from '@hotline/database';

/**
 * `citizen_code_limits`: codes asked per number (one per CITIZEN_CODE_RESEND_SECONDS,
 * CITIZEN_CODES_PER_PHONE_PER_HOUR an hour) and per client address (CITIZEN_CODES_PER_CLIENT_PER_HOUR), in PostgreSQL so every api process
 * counts the same (rate-limiter-flexible's store, table from a migration). Keys are hashes: the table
 * holds neither numbers nor addresses.
 */
@Injectable()
export class CodeLimitsRepository {
  private readonly perPhoneMinute: RateLimiterPostgres;
  private readonly perPhoneHour: RateLimiterPostgres;
  private readonly perClientHour: RateLimiterPostgres;

  constructor(db: TransactionService, config: AppConfig) {
    const store = {
      storeClient: db.poolManager.connection,
      storeType: 'typeorm',
      tableName: 'citizen_code_limits',
      tableCreated: true,
    };
    this.perPhoneMinute = new RateLimiterPostgres({
      ...store,
      keyPrefix: 'code-m',
      points: 1,
      duration: config.CITIZEN_CODE_RESEND_SECONDS,
    });
    this.perPhoneHour = new RateLimiterPostgres({
      ...store,
      keyPrefix: 'code-h',
      points: config.CITIZEN_CODES_PER_PHONE_PER_HOUR,
      duration: 3600,
    });
    this.perClientHour = new RateLimiterPostgres({
      ...store,
      keyPrefix: 'code-c',
      points: config.CITIZEN_CODES_PER_CLIENT_PER_HOUR,
      duration: 3600,
    });
  }

  /** Counts one code against the client and the number, or refuses with 429 `verification.too_many` and Retry-After. */
  async spend(phone: string, address: string | undefined): Promise<void> {
    await spendOn(this.perClientHour, keyOf('client', address ?? 'unknown'));
    await spendOn(this.perPhoneMinute, keyOf('phone', phone));
    await spendOn(this.perPhoneHour, keyOf('phone', phone));
  }
}

function keyOf(kind: string, value: string): string {
  return `${kind}:${createHash('sha256').update(value).digest('base64url').slice(0, 22)}`;
}

async function spendOn(limiter: RateLimiterPostgres, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    throw new DomainError(
      'verification.too_many',
      'Too many codes asked for this number or from this client; retry later',
      [],
      Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
    );
  }
}
