import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@hotline/config';
import { OutboxRepository, ProcessedEventsRepository } from '@hotline/messaging';

const EVERY_MS = 10 * 60 * 1000;

/**
 * Prunes published outbox rows and processed-event ids older than MESSAGE_RETENTION_HOURS, so
 * both tables stay small. The retention must exceed how long Kafka could redeliver a message.
 */
@Injectable()
export class MessagePruneJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MessagePruneJob.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly processed: ProcessedEventsRepository,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.prune(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async prune(): Promise<void> {
    try {
      const hours = this.config.MESSAGE_RETENTION_HOURS;
      const outbox = await this.outbox.prunePublished(hours);
      const processed = await this.processed.prune(hours);
      if (outbox + processed > 0) this.logger.log(`pruned ${outbox} outbox rows, ${processed} processed-event ids`);
    } catch (error) {
      this.logger.warn(`prune failed, will retry: ${(error as Error).message}`);
    }
  }
}
