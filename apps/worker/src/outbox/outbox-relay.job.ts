import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig } from '@hotline/config';
import { TransactionService } from '@hotline/database';
import {
  brokerTopic,
  KafkaProducerService,
  MessagingMetricsService,
  OUTBOX_CHANNEL,
  OutboxRepository,
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
  private listener: Client | undefined;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private pendingWake = false;

  constructor(
    private readonly db: TransactionService,
    private readonly outbox: OutboxRepository,
    private readonly producer: KafkaProducerService,
    private readonly metrics: MessagingMetricsService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    void this.listen();
    this.loop = this.run();
  }

  /** Stops after the batch in flight, so nothing is left half-published by a clean shutdown. */
  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.signal();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
  }

  /** One claim → publish → stamp round; returns how many events were published. */
  async relayBatch(): Promise<number> {
    return this.db.run(async () => {
      const rows = await this.outbox.claimBatch(this.config.OUTBOX_BATCH_SIZE);
      if (rows.length === 0) return 0;
      await this.producer.send(
        rows.map((row) => ({
          topic: brokerTopic(this.config.KAFKA_TOPIC_PREFIX, row.topic),
          key: row.messageKey,
          value: JSON.stringify(row.payload),
        })),
      );
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
        await this.idle(Math.min(30_000, 250 * 2 ** Math.min(failures, 7)));
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

  private async listen(): Promise<void> {
    while (this.running) {
      const client = new Client({
        connectionString: this.config.DATABASE_URL,
        application_name: 'hotline-relay-listener',
      });
      try {
        await client.connect();
        client.on('notification', () => this.signal());
        const closed = new Promise<void>((resolve) => {
          client.on('error', () => resolve());
          client.on('end', () => resolve());
        });
        await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
        this.listener = client;
        this.signal(); // catch up on anything committed while not listening
        await closed;
      } catch (error) {
        this.logger.warn(`outbox listener disconnected: ${(error as Error).message}`);
      }
      await client.end().catch(() => undefined);
      if (this.running) await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
