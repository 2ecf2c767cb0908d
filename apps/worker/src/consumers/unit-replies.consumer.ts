import { Injectable } from '@nestjs/common';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { TransfersService } from '@hotline/cases';
import { CloudEvent, EVENT_TYPE_PREFIX, EventHandler, TOPICS } from '@hotline/messaging';

export class TransferAcknowledgedReply {
  @IsUUID() caseId!: string;
  @IsString() @MaxLength(64) unitCode!: string;
  @IsUUID() transferId!: string;
}

const TRANSFER_ACKNOWLEDGED = `${EVENT_TYPE_PREFIX}.unit_reply.transfer_acknowledged.v1`;

/**
 * Replies from units' own systems (`hotline.unit-replies.v1`), put through the same services and
 * rules as the HTTP actions: the sender must be the assigned unit, or the reply is dead-lettered.
 */
@Injectable()
export class UnitRepliesConsumer implements EventHandler {
  readonly name = 'unit-replies';
  readonly topics = [TOPICS.unitReplies];
  readonly dataTypes = { [TRANSFER_ACKNOWLEDGED]: TransferAcknowledgedReply };
  readonly unknownTypes = 'dead_letter';
  readonly unknownFields = 'reject';

  constructor(private readonly transfers: TransfersService) {}

  async handle(event: CloudEvent, tx: EntityManager): Promise<void> {
    const reply = event.data as TransferAcknowledgedReply;
    await this.transfers.acknowledge(tx, reply.transferId, { userId: null, role: 'handler', unitCode: reply.unitCode });
  }
}
