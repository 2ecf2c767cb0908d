import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A number whose owner asked for no more case messages (a code they ask for is still sent). */
@Entity({ name: 'notification_opt_outs' })
export class NotificationOptOutEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_notification_opt_outs' })
  phone!: string;

  @Column({ type: 'timestamptz' })
  optedOutAt!: Date;
}
