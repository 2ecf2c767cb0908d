import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

@Injectable()
export class ProcessedEventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Forgets processed-event ids older than the retention, a batch at a time; returns rows deleted. */
  async prune(olderThanHours: number, batchSize = 10_000): Promise<number> {
    const [, deleted]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM processed_events WHERE (consumer, event_id) IN (
         SELECT consumer, event_id FROM processed_events
          WHERE processed_at < now() - make_interval(hours => $1)
          LIMIT $2)`,
      [olderThanHours, batchSize],
    );
    return deleted;
  }
}
