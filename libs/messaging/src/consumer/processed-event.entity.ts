import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The consumers' inbox: one row per (consumer, event) applied. Inserted in the same transaction
 * as the handler's effect, so a redelivered event finds its row and changes nothing.
 */
@Entity({ name: 'processed_events' })
@Index('ix_processed_events_processed_at', ['processedAt'])
export class ProcessedEventEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_processed_events' })
  consumer!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_processed_events' })
  eventId!: string;

  @Column({ type: 'text' })
  topic!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  processedAt!: Date;
}
