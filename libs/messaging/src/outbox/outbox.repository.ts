import { Injectable } from '@nestjs/common';
import { TransactionService } from '@hotline/database';
import { OutboxMessageEntity } from './outbox-message.entity';

export interface NewOutboxRow {
  eventId: string;
  topic: string;
  messageKey: string;
  lane: number;
  payload: object;
}

export interface ClaimedMessage {
  id: string;
  topic: string;
  messageKey: string;
  payload: unknown;
}

export interface OutboxBacklog {
  pending: number;
  oldestAgeSeconds: number;
}

// Advisory-lock namespace for outbox lanes (arbitrary, fixed).
const LANE_LOCK_NAMESPACE = 71_2345;

/** The `outbox` table: rows written with state changes, claimed and stamped by the relay. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly db: TransactionService) {}

  /**
   * Inserts the rows in the ambient transaction and returns that transaction's data bag (where the
   * notifier marks it to wake the relay after the commit); refuses outside a transaction.
   */
  async insert(rows: readonly NewOutboxRow[]): Promise<Record<string, unknown>> {
    const queryRunner = this.db.manager.queryRunner;
    if (!this.db.inTransaction || !queryRunner?.isTransactionActive) {
      throw new Error('outbox rows must be written inside the transaction of the state change they describe');
    }
    await this.db.manager.insert(OutboxMessageEntity, [...rows]);
    return queryRunner.data;
  }

  /**
   * Claims the oldest unpublished rows of every lane no other relay holds. The lane lock lasts
   * until the caller's transaction ends; SKIP LOCKED keeps relays from waiting on each other.
   */
  async claimBatch(limit: number): Promise<ClaimedMessage[]> {
    const rows: { id: string; topic: string; message_key: string; payload: unknown }[] = await this.db.manager.query(
      `SELECT id, topic, message_key, payload
         FROM outbox
        WHERE published_at IS NULL
          AND pg_try_advisory_xact_lock($1, lane)
        ORDER BY id
        LIMIT $2
          FOR UPDATE SKIP LOCKED`,
      [LANE_LOCK_NAMESPACE, limit],
    );
    return rows.map((r) => ({ id: r.id, topic: r.topic, messageKey: r.message_key, payload: r.payload }));
  }

  /** Bookkeeping on the database's clock (like created_at), not business time. */
  async markPublished(ids: readonly string[]): Promise<void> {
    await this.db.manager.query(`UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
  }

  /** Deletes published rows older than the retention, a batch at a time; returns rows deleted. */
  async prunePublished(olderThanHours: number, batchSize = 10_000): Promise<number> {
    const [, deleted]: [unknown, number] = await this.db.manager.query(
      `DELETE FROM outbox WHERE id IN (
         SELECT id FROM outbox
          WHERE published_at IS NOT NULL AND published_at < now() - make_interval(hours => $1)
          LIMIT $2)`,
      [olderThanHours, batchSize],
    );
    return deleted;
  }

  async backlog(): Promise<OutboxBacklog> {
    // Both ends on the database's clock, like the created_at stamps it compares.
    const [row]: { pending: string; age: string | null }[] = await this.db.manager.query(
      `SELECT count(*) AS pending, extract(epoch FROM now() - min(created_at)) AS age FROM outbox WHERE published_at IS NULL`,
    );
    return { pending: Number(row?.pending ?? 0), oldestAgeSeconds: Math.max(0, Number(row?.age ?? 0)) };
  }

  /** Notifies the relay's LISTEN channel: after a commit, on the pool, never inside a transaction. */
  async notify(channel: string): Promise<void> {
    await this.db.poolManager.query(`SELECT pg_notify($1, '')`, [channel]);
  }
}
