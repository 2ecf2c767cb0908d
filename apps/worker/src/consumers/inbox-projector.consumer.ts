import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransferAcknowledgedData, TransferIssuedData } from '@hotline/cases';
import {
  DISPATCH_EVENT_TYPES,
  InboxService,
  OrderCancelledData,
  OrderCompletedData,
  OrderIssuedData,
} from '@hotline/dispatch';
import { CloudEvent, EventHandler, TOPICS } from '@hotline/messaging';

/** Projects `hotline.dispatch.v1` into units' inboxes, exactly as a department's own system could. */
@Injectable()
export class InboxProjectorConsumer implements EventHandler {
  readonly name = 'inbox-projector';
  readonly topics = [TOPICS.dispatch];
  readonly dataTypes = {
    [DISPATCH_EVENT_TYPES.orderIssued]: OrderIssuedData,
    [DISPATCH_EVENT_TYPES.orderCancelled]: OrderCancelledData,
    [DISPATCH_EVENT_TYPES.orderCompleted]: OrderCompletedData,
    [DISPATCH_EVENT_TYPES.transferIssued]: TransferIssuedData,
    [DISPATCH_EVENT_TYPES.transferAcknowledged]: TransferAcknowledgedData,
  };
  readonly unknownTypes = 'skip';
  readonly unknownFields = 'ignore';

  constructor(private readonly inbox: InboxService) {}

  async handle(event: CloudEvent, tx: EntityManager): Promise<void> {
    switch (event.type) {
      case DISPATCH_EVENT_TYPES.orderIssued:
        return this.inbox.orderIssued(tx, event.data as OrderIssuedData);
      case DISPATCH_EVENT_TYPES.orderCancelled:
        return this.inbox.orderCancelled(tx, event.data as OrderCancelledData);
      case DISPATCH_EVENT_TYPES.orderCompleted:
        return this.inbox.orderCompleted(tx, event.data as OrderCompletedData);
      case DISPATCH_EVENT_TYPES.transferIssued:
        return this.inbox.transferIssued(tx, event.data as TransferIssuedData, new Date(event.time));
      case DISPATCH_EVENT_TYPES.transferAcknowledged:
        return this.inbox.transferAcknowledged(tx, event.data as TransferAcknowledgedData);
    }
  }
}
