import { Injectable } from '@nestjs/common';
import { AppConfig } from '@hotline/config';
import { createCloudEvent, OutboxService, OutgoingMessage, toUnitAndCentre } from '@hotline/messaging';
import { withoutRequesterIdentity } from './domain/dispatch-order';
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
 * The one place order messages are built and sent (through the outbox, in the ambient
 * transaction), each twice (docs/events.md, "Unit channels"): to the receiving unit's own inbox
 * topic, keyed by case, with the caller and the company where that unit may see them; and to the centre's
 * shared `hotline.dispatch.v1`, keyed by unit code, without the caller's or the company's identity.
 */
@Injectable()
export class DispatchMessagesService {
  constructor(
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  async send<K extends keyof DataOf>(kind: K, messages: readonly DataOf[K][], time: Date): Promise<void> {
    await this.outbox.append(
      messages.flatMap((data): OutgoingMessage[] => {
        const unitCode = 'utilityCode' in data ? data.utilityCode : data.unitCode;
        const event = (payload: object) =>
          createCloudEvent({
            type: DISPATCH_EVENT_TYPES[kind],
            source: this.config.EVENT_SOURCE,
            subject: data.caseId,
            time,
            data: payload,
          });
        return toUnitAndCentre(unitCode, data.caseId, event(data), event(withoutRequesterIdentity(data)));
      }),
    );
  }
}
