import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { sqlList } from '@hotline/directory';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../domain/notification-rules';
import { NOTIFICATION_KINDS, type NotificationKind } from '../domain/notification-templates';

/**
 * A message the centre asked the SMS gateway to deliver, and what the gateway reported. The text is
 * kept as sent, except a verification code, which is masked (domain/notification-templates.ts).
 */
@Entity({ name: 'citizen_notifications' })
@Check('ck_citizen_notifications_kind', `kind IN (${sqlList(NOTIFICATION_KINDS)})`)
@Check('ck_citizen_notifications_status', `status IN (${sqlList(DELIVERY_STATUSES)})`)
@Index('ix_citizen_notifications_case', ['caseId', 'seq'], { where: 'case_id IS NOT NULL' })
export class CitizenNotificationEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_citizen_notifications' })
  id!: string;

  /** The order they were asked in (several in one transaction share `requestedAt`). */
  @Column({ type: 'bigint', generated: 'increment', select: true })
  seq!: string;

  @Column({ type: 'text' })
  kind!: NotificationKind;

  /** The number written to; personal data, kept in the centre and sent only on the gateway's own topic. */
  @Column({ type: 'text' })
  phone!: string;

  /** The case it is about (no foreign key: a notification is a record of what was sent, kept as it was). */
  @Column({ type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ type: 'text', nullable: true })
  caseNumber!: string | null;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text', default: 'requested' })
  status!: DeliveryStatus;

  @Column({ type: 'timestamptz' })
  requestedAt!: Date;

  /** When the gateway says it delivered or gave up. */
  @Column({ type: 'timestamptz', nullable: true })
  reportedAt!: Date | null;

  /** The gateway's own code for a failure. */
  @Column({ type: 'text', nullable: true })
  reportReason!: string | null;
}
