import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Callbacks that reached the citizen, per day, grouping and requester kind: the resolution and satisfaction rates. */
@Entity({ name: 'kpi_callback_rollups' })
export class KpiCallbackRollupEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_kpi_callback_rollups' }) groupKind!: string;
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_kpi_callback_rollups' }) day!: string;
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_kpi_callback_rollups' }) groupKey!: string;
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_kpi_callback_rollups' }) requesterKind!: string;
  /** Callbacks that answered "solved?", and those that said yes. */
  @Column({ type: 'integer', default: 0 }) askedSolved!: number;
  @Column({ type: 'integer', default: 0 }) solved!: number;
  /** Callbacks that gave a rating, and those satisfied or basically satisfied. */
  @Column({ type: 'integer', default: 0 }) rated!: number;
  @Column({ type: 'integer', default: 0 }) satisfied!: number;
}
