import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CaseEntity, DEMAND_TYPES, type DemandType } from '@hotline/cases';
import { sqlList } from '@hotline/directory';
import {
  SUBMISSION_CHANNELS,
  SUBMISSION_STATUSES,
  type SubmissionChannel,
  type SubmissionStatus,
} from '../domain/online-submission-rules';

/**
 * A demand filed online (a web or app form, an Open311 client) waiting for an agent: not a case yet
 * (domain/online-submission-rules.ts). Accepted, it points at the case it became; answered, it holds
 * the reply.
 */
@Entity({ name: 'online_submissions' })
@Check('ck_online_submissions_channel', `channel IN (${sqlList(SUBMISSION_CHANNELS)})`)
@Check('ck_online_submissions_status', `status IN (${sqlList(SUBMISSION_STATUSES)})`)
@Check(
  'ck_online_submissions_decision',
  `(status = 'waiting' AND decided_at IS NULL) OR (status = 'accepted' AND case_id IS NOT NULL AND decided_at IS NOT NULL) ` +
    `OR (status = 'answered' AND reply IS NOT NULL AND decided_at IS NOT NULL)`,
)
@Index('ix_online_submissions_waiting', ['acceptDueAt'], { where: `status = 'waiting'` })
@Index('ix_online_submissions_submitted_at', ['submittedAt'])
@Index('ix_online_submissions_decided_at', ['decidedAt'])
@Index('ix_online_submissions_phone', ['phone', 'submittedAt'], { where: 'phone IS NOT NULL' })
@Index('ix_online_submissions_case', ['caseId'], { where: 'case_id IS NOT NULL' })
@Check('ck_online_submissions_demand_type', `demand_type IS NULL OR demand_type IN (${sqlList(DEMAND_TYPES)})`)
export class OnlineSubmissionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_online_submissions' })
  id!: string;

  @Column({ type: 'text' })
  channel!: SubmissionChannel;

  /** The Open311 client application that filed it; null for the centre's own forms. */
  @Column({ type: 'text', nullable: true })
  clientName!: string | null;

  /** What the citizen says the demand is (a complaint, a request for help …), a suggestion for the agent. */
  @Column({ type: 'text', nullable: true })
  demandType!: DemandType | null;

  /** The category the citizen chose (an Open311 service_code), a suggestion for the agent. */
  @Column({ type: 'text', nullable: true })
  categoryCode!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text', nullable: true })
  districtCode!: string | null;

  @Column({ type: 'text', nullable: true })
  streetCode!: string | null;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'double precision', nullable: true })
  lat!: number | null;

  @Column({ type: 'double precision', nullable: true })
  long!: number | null;

  /** Personal data: shown to centre staff only, never to units or logs. */
  @Column({ type: 'text', nullable: true })
  name!: string | null;

  /** Proven with a one-time code when a citizen filed it themselves (docs/api.md, "Citizen access"). */
  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text', nullable: true })
  mediaUrl!: string | null;

  @Column({ type: 'text', default: 'waiting' })
  status!: SubmissionStatus;

  @Column({ type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ type: 'timestamptz' })
  acceptDueAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  caseId!: string | null;

  @ManyToOne(() => CaseEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_online_submissions_case' })
  case?: CaseEntity;

  /** The answer given instead of a case (a consultation answered from the knowledge base). */
  @Column({ type: 'text', nullable: true })
  reply!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy!: string | null;
}
