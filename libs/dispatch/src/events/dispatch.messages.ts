import { createCloudEvent, type OutgoingMessage, TOPICS } from '@hotline/messaging';
import {
  DISPATCH_EVENT_TYPES,
  OrderCancelledData,
  OrderCompletedData,
  OrderIssuedData,
  TransferAcknowledgedData,
  TransferIssuedData,
} from './dispatch.events';

/** The envelope's source and time: the deployment's EVENT_SOURCE, the Clock's now. */
export interface MessageOrigin {
  source: string;
  time: Date;
}

type DataOf = {
  orderIssued: OrderIssuedData;
  orderCancelled: OrderCancelledData;
  orderCompleted: OrderCompletedData;
  transferIssued: TransferIssuedData;
  transferAcknowledged: TransferAcknowledgedData;
};

/**
 * The one place messages on `hotline.dispatch.v1` are built: keyed by the receiving unit, so a
 * unit's system finds exactly its own under its code; the subject is the case.
 */
export function dispatchMessage<K extends keyof DataOf>(
  kind: K,
  data: DataOf[K],
  origin: MessageOrigin,
): OutgoingMessage {
  const unitCode = 'utilityCode' in data ? data.utilityCode : data.unitCode;
  return {
    topic: TOPICS.dispatch,
    key: unitCode,
    event: createCloudEvent({
      type: DISPATCH_EVENT_TYPES[kind],
      source: origin.source,
      subject: data.caseId,
      time: origin.time,
      data,
    }),
  };
}
