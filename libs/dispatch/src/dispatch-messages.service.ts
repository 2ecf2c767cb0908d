import { Injectable } from '@nestjs/common';
import { AppConfig } from '@hotline/config';
import { createCloudEvent, OutboxService, TOPICS } from '@hotline/messaging';
import {
  DISPATCH_EVENT_TYPES,
  OrderCancelledData,
  OrderCompletedData,
  OrderIssuedData,
  TransferAcknowledgedData,
  TransferIssuedData,
} from './events/dispatch.events';

type DataOf = {
  orderIssued: OrderIssuedData;
  orderCancelled: OrderCancelledData;
  orderCompleted: OrderCompletedData;
  transferIssued: TransferIssuedData;
  transferAcknowledged: TransferAcknowledgedData;
};

/**
 * The one place messages on `hotline.dispatch.v1` are built and sent (through the outbox, in the
 * ambient transaction): keyed by the receiving unit, so a unit's system finds exactly its own under
 * its code; the subject is the case.
 */
@Injectable()
export class DispatchMessagesService {
  constructor(
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  async send<K extends keyof DataOf>(kind: K, messages: readonly DataOf[K][], time: Date): Promise<void> {
    await this.outbox.append(
      messages.map((data) => ({
        topic: TOPICS.dispatch,
        key: 'utilityCode' in data ? data.utilityCode : data.unitCode,
        event: createCloudEvent({
          type: DISPATCH_EVENT_TYPES[kind],
          source: this.config.EVENT_SOURCE,
          subject: data.caseId,
          time,
          data,
        }),
      })),
    );
  }
}
