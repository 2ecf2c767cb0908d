import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { EVENT_TYPE_PREFIX } from '@hotline/messaging';
import type { NotificationKind } from '../domain/notification-templates';

/**
 * The SMS/WeChat gateway's topics (docs/events.md, "Citizen notifications"): the centre asks for a
 * message on `hotline.notifications.v1`, read by the messenger principal alone because it carries the
 * citizen's number; the gateway reports delivery on `hotline.notification-receipts.v1`.
 */
export const NOTIFICATION_REQUESTED_TYPE = `${EVENT_TYPE_PREFIX}.notification.requested.v1`;
export const NOTIFICATION_RECEIPT_TYPE = `${EVENT_TYPE_PREFIX}.notification.receipt.v1`;

export interface NotificationRequestedData {
  notificationId: string;
  kind: NotificationKind;
  channel: 'sms';
  to: string;
  text: string;
  caseNumber: string | null;
  /** When a verification code stops working; null for other messages. */
  expiresAt: string | null;
}

export const RECEIPT_STATUSES = ['delivered', 'failed'] as const;

/** A delivery report from the gateway: validated like any inbound message, unknown fields refused. */
export class NotificationReceiptData {
  @IsUUID() notificationId!: string;
  @IsIn(RECEIPT_STATUSES) status!: (typeof RECEIPT_STATUSES)[number];
  @IsOptional() @IsString() @MaxLength(200) reason?: string;
  @IsISO8601() reportedAt!: string;
}
