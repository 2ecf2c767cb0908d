import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { RESOLUTION_OUTCOMES, type ResolutionOutcome, RETURN_REASONS, type ReturnReason } from '@hotline/cases';
import { EVENT_TYPE_PREFIX } from '@hotline/messaging';

/**
 * `hotline.unit-replies.v1` (key = case id; docs/events.md): what a unit's own system sends back —
 * the same actions a handler takes over HTTP, put through the same services and rules.
 */
export const unitReplyType = (name: string): string => `${EVENT_TYPE_PREFIX}.unit_reply.${name}.v1`;

/** Every reply names the case and the sending unit, which must hold the case's order. */
export class UnitReplyData {
  @IsUUID() caseId!: string;
  @IsString() @MaxLength(64) unitCode!: string;
}

export class TransferAcknowledgedReply extends UnitReplyData {
  @IsUUID() transferId!: string;
}
export class SignedReply extends UnitReplyData {}
export class RespondedReply extends UnitReplyData {
  @IsString() @MinLength(1) @MaxLength(4000) note!: string;
}
export class ReturnRequestedReply extends UnitReplyData {
  @IsOptional() @IsIn(RETURN_REASONS) reasonCode?: ReturnReason;
  @IsString() @MinLength(2) @MaxLength(2000) reason!: string;
}
export class ExtensionRequestedReply extends UnitReplyData {
  @IsInt() @Min(1) @Max(2160) hours!: number;
  @IsString() @MinLength(2) @MaxLength(2000) reason!: string;
}
export class ResolvedReply extends UnitReplyData {
  @IsIn(RESOLUTION_OUTCOMES) outcome!: ResolutionOutcome;
  @IsString() @MinLength(1) @MaxLength(4000) reply!: string;
}

export const UNIT_REPLY_TYPES = {
  transferAcknowledged: unitReplyType('transfer_acknowledged'),
  signed: unitReplyType('signed'),
  responded: unitReplyType('responded'),
  returnRequested: unitReplyType('return_requested'),
  extensionRequested: unitReplyType('extension_requested'),
  resolved: unitReplyType('resolved'),
} as const;

/** Each reply type with the class its `data` must validate against. */
export const UNIT_REPLY_DATA = {
  [UNIT_REPLY_TYPES.transferAcknowledged]: TransferAcknowledgedReply,
  [UNIT_REPLY_TYPES.signed]: SignedReply,
  [UNIT_REPLY_TYPES.responded]: RespondedReply,
  [UNIT_REPLY_TYPES.returnRequested]: ReturnRequestedReply,
  [UNIT_REPLY_TYPES.extensionRequested]: ExtensionRequestedReply,
  [UNIT_REPLY_TYPES.resolved]: ResolvedReply,
};
