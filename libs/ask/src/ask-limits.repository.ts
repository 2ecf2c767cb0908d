import { Injectable } from '@nestjs/common';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '@hotline/config';
import { DomainError } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import { askerKey } from './domain/asker-key';

/**
 * `ask_limits`: how much each client asked the public desk within the hour, in PostgreSQL so every
 * api process counts the same (rate-limiter-flexible's PostgreSQL store, table from a migration).
 * Clients are counted by a hash of their address (domain/asker-key.ts).
 */
@Injectable()
export class AskLimitsRepository {
  private readonly perHour: RateLimiterPostgres;

  constructor(db: TransactionService, config: AppConfig) {
    this.perHour = new RateLimiterPostgres({
      storeClient: db.poolManager.connection,
      storeType: 'typeorm',
      tableName: 'ask_limits',
      tableCreated: true,
      keyPrefix: 'ask',
      points: config.ASK_PER_CLIENT_PER_HOUR,
      duration: 3600,
    });
  }

  /** Counts `cost` against the client's hour, or refuses with 429 `ask.too_many` and Retry-After. */
  async spend(address: string | undefined, cost = 1): Promise<void> {
    try {
      await this.perHour.consume(askerKey(address), cost);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw new DomainError(
        'ask.too_many',
        'Too many questions from this client; retry later',
        [],
        Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
      );
    }
  }
}
