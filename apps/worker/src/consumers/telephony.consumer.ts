import { Injectable } from '@nestjs/common';
import { CALL_EVENT_KINDS, callEventKind, callEventType, CallsService, TelephonyCallData } from '@hotline/cases';
import { CloudEvent, EventConsumer, TOPICS } from '@hotline/messaging';

/** Folds telephony's call events into calls; an unknown line or a malformed event goes to the DLQ. */
@Injectable()
export class TelephonyConsumer implements EventConsumer {
  readonly name = 'telephony-calls';
  readonly topics = [TOPICS.calls];
  readonly dataTypes = Object.fromEntries(CALL_EVENT_KINDS.map((kind) => [callEventType(kind), TelephonyCallData]));
  readonly unknownTypes = 'dead_letter';
  readonly unknownFields = 'reject';

  constructor(private readonly calls: CallsService) {}

  async handle(event: CloudEvent): Promise<void> {
    const data = event.data as TelephonyCallData;
    await this.calls.applyTelephonyEvent({
      ctiCallId: data.callId,
      kind: callEventKind(event.type)!,
      dialedNumber: data.dialedNumber,
      callerNumber: data.callerNumber,
      occurredAt: data.occurredAt,
      overflowFrom: data.overflowFrom,
    });
  }
}
