import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { IdempotencyService } from '@hotline/idempotency';

const EVERY_MS = 10 * 60 * 1000;

/**
 * Purges answers kept under Idempotency-Keys once IDEMPOTENCY_RETENTION_HOURS have passed
 * (docs/api.md, "Safe retries"), like MessagePruneJob does for the outbox. Until it runs, an
 * expired key is already free again: a new request takes the row over.
 */
@Injectable()
export class IdempotencyPurgeJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencyPurgeJob.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly idempotency: IdempotencyService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.purge(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async purge(): Promise<void> {
    try {
      const purged = await this.idempotency.purgeExpired();
      if (purged > 0) this.logger.log(`purged ${purged} expired idempotency keys`);
    } catch (error) {
      this.logger.warn(`idempotency purge failed, will retry: ${(error as Error).message}`);
    }
  }
}
