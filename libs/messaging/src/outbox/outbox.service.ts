import { Injectable } from '@nestjs/common';
import { TransactionService } from '@hotline/database';
import type { CloudEvent } from '../cloud-event';
import { type Topic, TOPICS, unitInboxTopic, type UnitInboxTopic } from '../topics';
import { laneOf } from './outbox-lane';
import { OutboxRepository } from './outbox.repository';
import { OutboxNotifierService } from './outbox-notifier.service';

export interface OutgoingMessage {
  /** A shared topic, or a unit's inbox (the centre writes no other unit channel). */
  topic: Topic | UnitInboxTopic;
  /** Kafka key: events of one key keep their order (case id, unit code, …). */
  key: string;
  event: CloudEvent;
}

/**
 * A message for one unit, twice (docs/events.md, "Unit channels"): on the unit's own inbox, keyed by the
 * case so a case's messages stay in order for the unit, and on the centre's `hotline.dispatch.v1`, keyed by
 * the unit. Each copy is its own event (its own id); the centre's copy may carry less (no caller identity).
 */
export function toUnitAndCentre(
  unitCode: string,
  caseId: string,
  forUnit: CloudEvent,
  forCentre: CloudEvent,
): OutgoingMessage[] {
  return [
    { topic: unitInboxTopic(unitCode), key: caseId, event: forUnit },
    { topic: TOPICS.dispatch, key: unitCode, event: forCentre },
  ];
}

/**
 * Appends events to the outbox in the ambient transaction, so they commit or roll back with the
 * state change they describe; it refuses to write outside one. Call it after the state change's
 * own writes: the changed row's lock then orders its events by outbox id.
 */
@Injectable()
export class OutboxService {
  constructor(
    private readonly db: TransactionService,
    private readonly outbox: OutboxRepository,
    private readonly notifier: OutboxNotifierService,
  ) {}

  async append(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    if (!this.db.inTransaction) {
      throw new Error('OutboxService.append must run inside the transaction of the state change it describes');
    }
    const transaction = await this.outbox.insert(
      messages.map((m) => ({
        eventId: m.event.id,
        topic: m.topic,
        messageKey: m.key,
        lane: laneOf(m.key),
        payload: m.event,
      })),
    );
    // The relay is woken after the commit (see OutboxNotifierService), never from inside the transaction.
    this.notifier.markPending(transaction);
  }
}
