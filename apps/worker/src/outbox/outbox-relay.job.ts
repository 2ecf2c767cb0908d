import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@hotline/config';
import { doublingDelayMs } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import {
  brokerTopic,
  KafkaProducerService,
  MessagingMetricsService,
  OutboxRepository,
  OutboxWakeupsRepository,
  UnitChannelsService,
} from '@hotline/messaging';

/**
 * Publishes committed outbox rows to Kafka, oldest first, and stamps them sent — claim, publish
 * and stamp in one transaction. If the process dies after publishing but before the stamp
 * commits, the rows are published again on restart; consumers drop the duplicate by event id.
 * Wakes on NOTIFY after commits that wrote outbox rows; the poll interval is only a safety net.
 */
@Injectable()
export class OutboxRelayJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayJob.name);
  private listening: Promise<void> | undefined;
  private stop: () => void = () => undefined;
  private readonly stopped = new Promise<void>((resolve) => (this.stop = resolve));
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private pendingWake = false;

  constructor(
    private readonly db: TransactionService,
    private readonly outbox: OutboxRepository,
    private readonly producer: KafkaProducerService,
    private readonly metrics: MessagingMetricsService,
    private readonly wakeups: OutboxWakeupsRepository,
    private readonly channels: UnitChannelsService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.listening = this.listen();
    this.loop = this.run();
  }

  /** Stops after the batch in flight, so nothing is left half-published by a clean shutdown. */
  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.signal();
    this.stop();
    await this.loop;
    await this.listening;
  }

  /** One claim → publish → stamp round; returns how many events were published. */
  async relayBatch(): Promise<number> {
    return this.db.run(async () => {
      const rows = await this.outbox.claimBatch(this.config.OUTBOX_BATCH_SIZE);
      if (rows.length === 0) return 0;
      const messages = rows.map((row) => ({
        topic: brokerTopic(this.config.KAFKA_TOPIC_PREFIX, row.topic),
        key: row.messageKey,
        value: JSON.stringify(row.payload),
      }));
      // A unit's first order creates its inbox (topics are never created by a send).
      await this.channels.ensureInboxes(messages.map((m) => m.topic));
      await this.producer.send(messages);
      await this.outbox.markPublished(rows.map((row) => row.id));
      for (const row of rows) this.metrics.published.inc({ topic: row.topic });
      return rows.length;
    });
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const published = await this.relayBatch();
        failures = 0;
        if (published < this.config.OUTBOX_BATCH_SIZE) await this.idle(this.config.OUTBOX_POLL_INTERVAL_MS);
      } catch (error) {
        failures++;
        this.logger.warn(`relay round failed (${failures} in a row), will retry: ${(error as Error).message}`);
        await this.idle(doublingDelayMs(failures + 1, 250, 30_000));
      }
    }
  }

  /** Waits for a NOTIFY, a shutdown, or the timeout, whichever comes first. */
  private idle(ms: number): Promise<void> {
    if (this.pendingWake) {
      this.pendingWake = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private signal(): void {
    if (this.wake) this.wake();
    else this.pendingWake = true;
  }

  private listen(): Promise<void> {
    return this.wakeups.listen(
      () => this.signal(),
      () => this.running,
      this.stopped,
    );
  }
}
