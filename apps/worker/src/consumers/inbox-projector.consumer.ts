import { Injectable } from '@nestjs/common';
import { UNIT_NOTICE_TYPE, UnitNoticeData } from '@hotline/cases';
import { instant } from '@hotline/clock';
import {
  DISPATCH_EVENT_TYPES,
  InboxService,
  OrderCancelledData,
  OrderCompletedData,
  OrderIssuedData,
  TransferAcknowledgedData,
  TransferIssuedData,
} from '@hotline/dispatch';
import { CloudEvent, EventConsumer, TOPICS } from '@hotline/messaging';

/**
 * Projects `hotline.dispatch.v1` into units' inboxes — orders and unit notices, which keep each item's
 * deadlines current — exactly as a department's own system could.
 */
@Injectable()
export class InboxProjectorConsumer implements EventConsumer {
  readonly name = 'inbox-projector';
  readonly topics = [TOPICS.dispatch];
  readonly dataTypes = {
    [DISPATCH_EVENT_TYPES.orderIssued]: OrderIssuedData,
    [DISPATCH_EVENT_TYPES.orderCancelled]: OrderCancelledData,
    [DISPATCH_EVENT_TYPES.orderCompleted]: OrderCompletedData,
    [DISPATCH_EVENT_TYPES.transferIssued]: TransferIssuedData,
    [DISPATCH_EVENT_TYPES.transferAcknowledged]: TransferAcknowledgedData,
    [UNIT_NOTICE_TYPE]: UnitNoticeData,
  };
  readonly unknownTypes = 'skip';
  readonly unknownFields = 'ignore';

  constructor(private readonly inbox: InboxService) {}

  async handle(event: CloudEvent): Promise<void> {
    switch (event.type) {
      case DISPATCH_EVENT_TYPES.orderIssued:
        return this.inbox.orderIssued(event.data as OrderIssuedData);
      case DISPATCH_EVENT_TYPES.orderCancelled:
        return this.inbox.orderCancelled(event.data as OrderCancelledData);
      case DISPATCH_EVENT_TYPES.orderCompleted:
        return this.inbox.orderCompleted(event.data as OrderCompletedData);
      case DISPATCH_EVENT_TYPES.transferIssued:
        return this.inbox.transferIssued(event.data as TransferIssuedData, instant(event.time));
      case DISPATCH_EVENT_TYPES.transferAcknowledged:
        return this.inbox.transferAcknowledged(event.data as TransferAcknowledgedData);
      case UNIT_NOTICE_TYPE:
        return this.inbox.noticeReceived(event.data as UnitNoticeData);
    }
  }
}
