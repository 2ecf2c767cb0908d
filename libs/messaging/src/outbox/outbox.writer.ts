import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CloudEvent } from '../cloud-event';
import type { Topic } from '../topics';
import { laneOf } from './outbox-lane';
import { OutboxMessageEntity } from './outbox-message.entity';
import { OutboxNotifier } from './outbox-notifier';

export interface OutgoingMessage {
  topic: Topic;
  /** Kafka key: events of one key keep their order (case id, unit code, …). */
  key: string;
  event: CloudEvent;
}

/**
 * Appends events to the outbox through the caller's transaction, so they commit or roll back
 * with the state change they describe. Call it after the state change's own writes: a case's row
 * lock then orders its events by outbox id.
 */
@Injectable()
export class OutboxWriter {
  constructor(private readonly notifier: OutboxNotifier) {}

  async append(tx: EntityManager, messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    if (!tx.queryRunner?.isTransactionActive) {
      throw new Error('OutboxWriter.append must run inside the transaction of the state change it describes');
    }
    await tx.insert(
      OutboxMessageEntity,
      messages.map((m) => ({
        eventId: m.event.id,
        topic: m.topic,
        messageKey: m.key,
        lane: laneOf(m.key),
        payload: m.event,
      })),
    );
    // The relay is woken after the commit (see OutboxNotifier), never from inside the transaction.
    this.notifier.markPending(tx.queryRunner.data);
  }
}
