import { ApiProperty } from '@nestjs/swagger';
import { DELIVERY_STATUSES, NOTIFICATION_KINDS } from '@hotline/notifications';

export class CaseNotificationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: string;
  @ApiProperty({ description: 'The message as sent' }) text!: string;
  @ApiProperty({ enum: DELIVERY_STATUSES, description: 'What the SMS gateway reported' }) status!: string;
  @ApiProperty({ type: String, format: 'date-time' }) requestedAt!: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) reportedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, description: 'The gateway’s code for a failure' })
  reportReason!: string | null;
}

export class CaseNotificationListDto {
  @ApiProperty({ type: [CaseNotificationDto] }) items!: CaseNotificationDto[];
  @ApiProperty() total!: number;
}
