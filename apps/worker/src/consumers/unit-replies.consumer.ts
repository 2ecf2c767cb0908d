import { Injectable } from '@nestjs/common';
import type { Actor } from '@hotline/cases';
import { ReturnsService, TransfersService } from '@hotline/dispatch';
import {
  ExtensionRequestedReply,
  HandlingService,
  ResolvedReply,
  RespondedReply,
  ReturnRequestedReply,
  TransferAcknowledgedReply,
  UNIT_REPLY_DATA,
  UNIT_REPLY_TYPES,
  UnitReplyData,
} from '@hotline/handling';
import { CloudEvent, EventConsumer, TOPICS } from '@hotline/messaging';

/**
 * Replies from units' own systems (`hotline.unit-replies.v1`), put through the same services and
 * rules as the HTTP actions. The sender must be the assigned unit; anything invalid — a malformed
 * reply, another unit's case, a wrong state — is dead-lettered with the reason.
 */
@Injectable()
export class UnitRepliesConsumer implements EventConsumer {
  readonly name = 'unit-replies';
  readonly topics = [TOPICS.unitReplies];
  readonly dataTypes = UNIT_REPLY_DATA;
  readonly unknownTypes = 'dead_letter';
  readonly unknownFields = 'reject';

  constructor(
    private readonly transfers: TransfersService,
    private readonly handling: HandlingService,
    private readonly returns: ReturnsService,
  ) {}

  async handle(event: CloudEvent): Promise<void> {
    const reply = event.data as UnitReplyData;
    const unit: Actor = { userId: null, role: 'handler', unitCode: reply.unitCode };
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
}
