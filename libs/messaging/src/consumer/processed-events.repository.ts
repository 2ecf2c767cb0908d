import { Injectable } from '@nestjs/common';
import { TransactionService } from '@hotline/database';

/** `processed_events`: the consumers' inbox of applied event ids. */
@Injectable()
export class ProcessedEventsRepository {
  constructor(private readonly db: TransactionService) {}

  /** Records that `consumer` applies `eventId` now; false when it already had (a redelivery). */
  async record(consumer: string, eventId: string, topic: string): Promise<boolean> {
    // Plain SQL: this runs for every message every consumer applies.
    const inserted: unknown[] = await this.db.manager.query(
      `INSERT INTO processed_events (consumer, event_id, topic) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [consumer, eventId, topic],
    );
    return inserted.length > 0;
  }

  /** Forgets processed-event ids older than the retention, a batch at a time; returns rows deleted. */
  async prune(olderThanHours: number, batchSize = 10_000): Promise<number> {
    const [, deleted]: [unknown, number] = await this.db.manager.query(
      `DELETE FROM processed_events WHERE (consumer, event_id) IN (
         SELECT consumer, event_id FROM processed_events
          WHERE processed_at < now() - make_interval(hours => $1)
          LIMIT $2)`,
      [olderThanHours, batchSize],
    );
    return deleted;
  }
}
