import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import {
  REFERENCE_CHANGE_STATUSES,
  REFERENCE_ENTITIES,
  type ReferenceChangeStatus,
  type ReferenceEntity,
} from '../domain/reference-upkeep';
import { sqlList } from '../domain/reference-types';

/**
 * One change of reference data (docs/product.md, "Reference data upkeep"): what an admin asked, when it
 * takes effect, and — once applied — the row before and after and its version (1, 2, … per row). Nothing
 * is overwritten silently: a row's history is its changes in version order.
 */
@Entity({ name: 'reference_changes' })
@Check('ck_reference_changes_entity', `entity IN (${sqlList(REFERENCE_ENTITIES)})`)
@Check('ck_reference_changes_status', `status IN (${sqlList(REFERENCE_CHANGE_STATUSES)})`)
@Check('ck_reference_changes_applied', `(status = 'applied') = (version IS NOT NULL AND applied_at IS NOT NULL)`)
@Index('ux_reference_changes_version', ['entity', 'entityKey', 'version'], {
  unique: true,
  where: 'version IS NOT NULL',
})
@Index('ix_reference_changes_due', ['effectiveFrom'], { where: `status = 'scheduled'` })
@Index('ix_reference_changes_key', ['entity', 'entityKey', 'requestedAt'])
export class ReferenceChangeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_reference_changes' })
  id!: string;

  @Column({ type: 'text' })
  entity!: ReferenceEntity;

  /** The row's code (hotline, unit, category), the rule's id, or `current` for the SLA policy. */
  @Column({ type: 'text' })
  entityKey!: string;

  /** `create` or `update`, and the fields asked for. */
  @Column({ type: 'jsonb' })
  change!: { op: 'create' | 'update'; fields: Record<string, unknown> };

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'timestamptz' })
  effectiveFrom!: Date;

  @Column({ type: 'text' })
  status!: ReferenceChangeStatus;

  @Column({ type: 'integer', nullable: true })
  version!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  before!: object | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: object | null;

  /** Why a scheduled change could not be applied when its time came (the field errors). */
  @Column({ type: 'jsonb', nullable: true })
  problems!: object[] | null;

  @Column({ type: 'uuid', nullable: true })
  requestedBy!: string | null;

  @Column({ type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  appliedAt!: Date | null;
}
