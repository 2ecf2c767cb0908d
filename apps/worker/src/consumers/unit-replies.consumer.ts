import { Injectable } from '@nestjs/common';
import { IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { EntityManager } from 'typeorm';
import {
  Actor,
  RESOLUTION_OUTCOMES,
  type ResolutionOutcome,
  RETURN_REASONS,
  type ReturnReason,
  TransfersService,
} from '@hotline/cases';
import { ReturnsService } from '@hotline/dispatch';
import { HandlingService } from '@hotline/handling';
import { CloudEvent, EVENT_TYPE_PREFIX, EventHandler, TOPICS } from '@hotline/messaging';

/** Every reply names the case and the sending unit, which must hold the case's order. */
class UnitReply {
  @IsUUID() caseId!: string;
  @IsString() @MaxLength(64) unitCode!: string;
}

export class TransferAcknowledgedReply extends UnitReply {
  @IsUUID() transferId!: string;
}
class SignedReply extends UnitReply {}
class RespondedReply extends UnitReply {
  @IsString() @MinLength(1) @MaxLength(4000) note!: string;
}
class ReturnRequestedReply extends UnitReply {
  @IsIn(RETURN_REASONS) reasonCode!: ReturnReason;
  @IsString() @MinLength(2) @MaxLength(2000) reason!: string;
}
class ExtensionRequestedReply extends UnitReply {
  @IsInt() @Min(1) @Max(2160) hours!: number;
  @IsString() @MinLength(2) @MaxLength(2000) reason!: string;
}
class ResolvedReply extends UnitReply {
  @IsIn(RESOLUTION_OUTCOMES) outcome!: ResolutionOutcome;
  @IsString() @MinLength(1) @MaxLength(4000) reply!: string;
}

const type = (name: string) => `${EVENT_TYPE_PREFIX}.unit_reply.${name}.v1`;

/**
 * Replies from units' own systems (`hotline.unit-replies.v1`), put through the same services and
 * rules as the HTTP actions. The sender must be the assigned unit; anything invalid — a malformed
 * reply, another unit's case, a wrong state — is dead-lettered with the reason.
 */
@Injectable()
export class UnitRepliesConsumer implements EventHandler {
  readonly name = 'unit-replies';
  readonly topics = [TOPICS.unitReplies];
  readonly dataTypes = {
    [type('transfer_acknowledged')]: TransferAcknowledgedReply,
    [type('signed')]: SignedReply,
    [type('responded')]: RespondedReply,
    [type('return_requested')]: ReturnRequestedReply,
    [type('extension_requested')]: ExtensionRequestedReply,
    [type('resolved')]: ResolvedReply,
  };
  readonly unknownTypes = 'dead_letter';
  readonly unknownFields = 'reject';

  constructor(
    private readonly transfers: TransfersService,
    private readonly handling: HandlingService,
    private readonly returns: ReturnsService,
  ) {}

  async handle(event: CloudEvent, tx: EntityManager): Promise<void> {
    const reply = event.data as UnitReply;
    const unit: Actor = { userId: null, role: 'handler', unitCode: reply.unitCode };
    switch (event.type) {
      case type('transfer_acknowledged'):
        await this.transfers.acknowledge(tx, (reply as TransferAcknowledgedReply).transferId, unit);
        return;
      case type('signed'):
        await this.handling.sign(reply.caseId, unit, tx);
        return;
      case type('responded'):
        await this.handling.respond(reply.caseId, (reply as RespondedReply).note, unit, tx);
        return;
      case type('return_requested'): {
        const { reasonCode, reason } = reply as ReturnRequestedReply;
        await this.returns.request(reply.caseId, { reasonCode, reason }, unit, tx);
        return;
      }
      case type('extension_requested'): {
        const { hours, reason } = reply as ExtensionRequestedReply;
        await this.handling.requestExtension(reply.caseId, hours, reason, unit, tx);
        return;
      }
      case type('resolved'): {
        const { outcome, reply: text } = reply as ResolvedReply;
        await this.handling.resolve(reply.caseId, outcome, text, unit, tx);
        return;
      }
    }
  }
}
