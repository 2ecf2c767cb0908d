import { Injectable } from '@nestjs/common';
import type { Actor } from '@hotline/cases';
import { Clock } from '@hotline/clock';
import { AppConfig } from '@hotline/config';
import { DomainError } from '@hotline/core';
import { ReturnsService, TransfersService } from '@hotline/dispatch';
import {
  ExtensionRequestedReply,
  HandlingService,
  rejectionNotice,
  ResolvedReply,
  RespondedReply,
  ReturnRequestedReply,
  TransferAcknowledgedReply,
  UNIT_REPLY_DATA,
  UNIT_REPLY_TYPES,
  UnitReplyData,
} from '@hotline/handling';
import {
  CloudEvent,
  EventConsumer,
  MessageSource,
  Refusal,
  RejectionNotice,
  TOPICS,
  unitOfRepliesTopic,
} from '@hotline/messaging';

/**
 * Replies from units' own systems, put through the same services and rules as the HTTP actions
 * (docs/events.md, "Unit channels"). On a unit's replies topic the topic is the sender — Kafka's
 * ACLs let only that unit write it; on the gateway's shared topic the reply names its unit. A
 * refused reply goes to the dead-letter topic and, as a coded rejection, to the sender's inbox.
 */
@Injectable()
export class UnitRepliesConsumer implements EventConsumer {
  readonly name = 'unit-replies';
  readonly dataTypes = UNIT_REPLY_DATA;
  readonly unknownTypes = 'dead_letter';
  readonly unknownFields = 'reject';
  private unitTopics: readonly string[] = [];

  constructor(
    private readonly transfers: TransfersService,
    private readonly handling: HandlingService,
    private readonly returns: ReturnsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  get topics(): readonly string[] {
    return [TOPICS.unitReplies, ...this.unitTopics];
  }

  /** The units' replies topics to read from the next (re)start; true when they changed. */
  useUnitTopics(topics: readonly string[]): boolean {
    const changed = topics.join() !== this.unitTopics.join();
    this.unitTopics = [...topics];
    return changed;
  }

  async handle(event: CloudEvent, source: MessageSource): Promise<void> {
    const reply = event.data as UnitReplyData;
    const unit: Actor = { userId: null, role: 'handler', unitCode: senderOf(reply, source) };
    switch (event.type) {
      case UNIT_REPLY_TYPES.transferAcknowledged:
        await this.transfers.acknowledge((reply as TransferAcknowledgedReply).transferId, unit);
        return;
      case UNIT_REPLY_TYPES.signed:
        await this.handling.sign(reply.caseId, unit);
        return;
      case UNIT_REPLY_TYPES.responded:
        await this.handling.respond(reply.caseId, (reply as RespondedReply).note, unit);
        return;
      case UNIT_REPLY_TYPES.returnRequested: {
        const { reasonCode, reason } = reply as ReturnRequestedReply;
        await this.returns.request(reply.caseId, { reasonCode, reason }, unit);
        return;
      }
      case UNIT_REPLY_TYPES.extensionRequested: {
        const { hours, reason } = reply as ExtensionRequestedReply;
        await this.handling.requestExtension(reply.caseId, hours, reason, unit);
        return;
      }
      case UNIT_REPLY_TYPES.resolved: {
        const { outcome, reply: text } = reply as ResolvedReply;
        await this.handling.resolve(reply.caseId, outcome, text, unit);
        return;
      }
    }
  }

  rejectionNotices(refusal: Refusal): RejectionNotice[] {
    return rejectionNotice(refusal, this.config.EVENT_SOURCE, this.clock.now());
  }
}

/** The unit a reply speaks for: its channel's unit, which the reply may name but not change. */
function senderOf(reply: UnitReplyData, source: MessageSource): string {
  const channelUnit = unitOfRepliesTopic(source.topic);
  if (channelUnit === null) return reply.unitCode; // the trusted gateway speaks for the unit it names
  if (reply.unitCode !== channelUnit) {
    throw new DomainError(
      'reply.wrong_sender',
      `A reply on ${channelUnit}'s channel cannot speak for ${reply.unitCode}`,
    );
  }
  return channelUnit;
}
