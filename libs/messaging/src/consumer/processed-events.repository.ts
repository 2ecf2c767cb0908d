import { Injectable } from '@nestjs/common';
import { TransactionService } from '@hotline/database';
import { ProcessedEventEntity } from './processed-event.entity';

/** `processed_events`: the consumers' inbox of applied event ids. */
@Injectable()
export class ProcessedEventsRepository {
  constructor(private readonly db: TransactionService) {}

  /** Records that `consumer` applies `eventId` now; false when it already had (a redelivery). */
  async record(consumer: string, eventId: string, topic: string): Promise<boolean> {
    const inserted = await this.db.manager
      .createQueryBuilder()
      .insert()
      .into(ProcessedEventEntity)
      .values({ consumer, eventId, topic })
      .orIgnore()
      .returning('event_id')
      .execute();
    return (inserted.raw as unknown[]).length > 0;
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
