import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Counts per metric, cohort day (Beijing), grouping, requester kind and state, kept in step with the facts by the
 * projector (every fact change moves its counts). A month grouped by unit reads ~30 × units rows.
 * `open` counts are split into misses and pending at query time (they depend on the clock).
 */
@Entity({ name: 'kpi_rollups' })
export class KpiRollupEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_kpi_rollups' }) groupKind!: string;
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_kpi_rollups' }) day!: string;
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_kpi_rollups' }) metric!: string;
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_kpi_rollups' }) groupKey!: string;
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_kpi_rollups' }) requesterKind!: string;
  @Column({ type: 'integer', default: 0 }) hit!: number;
  @Column({ type: 'integer', default: 0 }) miss!: number;
  @Column({ type: 'integer', default: 0 }) pending!: number;
  @Column({ type: 'integer', default: 0 }) open!: number;
}
