import { Injectable } from '@nestjs/common';
import { CloudEvent, EventConsumer, TOPICS } from '@hotline/messaging';
import { NOTIFICATION_RECEIPT_TYPE, NotificationReceiptData, NotificationsService } from '@hotline/notifications';

/**
 * The SMS gateway's delivery reports (docs/events.md, "Citizen notifications"), written by the
 * messenger principal alone; a report for a message never sent goes to the dead-letter topic.
 */
@Injectable()
export class NotificationReceiptsConsumer implements EventConsumer {
  readonly name = 'notification-receipts';
  readonly topics = [TOPICS.notificationReceipts];
  readonly dataTypes = { [NOTIFICATION_RECEIPT_TYPE]: NotificationReceiptData };
  readonly unknownTypes = 'dead_letter';
  readonly unknownFields = 'reject';

  constructor(private readonly notifications: NotificationsService) {}

  handle(event: CloudEvent): Promise<void> {
    return this.notifications.recordReceipt(event.data as NotificationReceiptData);
  }
}
