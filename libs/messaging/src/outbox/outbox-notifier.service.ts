import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntitySubscriberInterface, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { OUTBOX_CHANNEL } from './outbox-channel';
import { OutboxRepository } from './outbox.repository';

const PENDING = 'outbox:pending';

/**
 * Wakes the relay (LISTEN outbox_pending) after a transaction that wrote outbox rows commits.
 * The NOTIFY is sent after the commit, not inside the transaction: a NOTIFY inside a transaction
 * holds PostgreSQL's global notify lock through the commit's WAL flush, which serialises every
 * committing writer (measured: ~66 registrations/s instead of hundreds). Notifications of commits
 * that land close together are coalesced into one.
 */
@Injectable()
export class OutboxNotifierService implements EntitySubscriberInterface {
  private readonly logger = new Logger(OutboxNotifierService.name);
  private scheduled = false;
  private inFlight = false;

  constructor(
    // Only to subscribe to its transactions' commits (TypeORM's subscriber hook), never to query.
    @InjectDataSource() dataSource: DataSource,
    private readonly outbox: OutboxRepository,
  ) {
    dataSource.subscribers.push(this);
  }

  /** Called by OutboxService inside the writing transaction. */
  markPending(data: Record<string, unknown>): void {
    data[PENDING] = true;
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const data = event.queryRunner.data as Record<string, unknown>;
    if (!data[PENDING] || event.queryRunner.isTransactionActive) return; // savepoints wait for the real commit
    delete data[PENDING];
    this.schedule();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) delete (event.queryRunner.data as Record<string, unknown>)[PENDING];
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => void this.send());
  }

  private async send(): Promise<void> {
    if (this.inFlight) {
      setTimeout(() => void this.send(), 1);
      return;
    }
    this.scheduled = false;
    this.inFlight = true;
    try {
      await this.outbox.notify(OUTBOX_CHANNEL);
    } catch (error) {
      // The relay's poll picks the rows up anyway; a lost wake-up only costs latency.
      this.logger.warn(`outbox notify failed: ${(error as Error).message}`);
    } finally {
      this.inFlight = false;
    }
  }
}
