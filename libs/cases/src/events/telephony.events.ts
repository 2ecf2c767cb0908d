import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { EVENT_TYPE_PREFIX } from '@hotline/messaging';
import { CALL_EVENT_KINDS, type CallEventKind } from '../domain/call-events';

/**
 * `hotline.calls.v1` (key = call id; docs/events.md): what telephony (CTI) reports of each call,
 * as `cn.gov.12345.call.<kind>.v1` events.
 */
export function callEventType(kind: CallEventKind): string {
  return `${EVENT_TYPE_PREFIX}.call.${kind}.v1`;
}

const KIND_BY_TYPE = new Map(CALL_EVENT_KINDS.map((kind) => [callEventType(kind), kind]));

export function callEventKind(type: string): CallEventKind | undefined {
  return KIND_BY_TYPE.get(type);
}

/** `data` of every call event. */
export class TelephonyCallData {
  @IsString() @MaxLength(100) callId!: string;
  @Matches(/^\d{3,20}$/, { message: 'must be 3–20 digits' }) dialedNumber!: string;
  @IsString() @MaxLength(40) callerNumber!: string;
  @Type(() => Date) @IsDate({ message: 'must be an ISO 8601 date-time' }) occurredAt!: Date;
  @IsOptional() @IsString() @MaxLength(100) agentId?: string;
  @IsOptional() @IsString() @MaxLength(64) overflowFrom?: string;
  @IsOptional() @IsString() @MaxLength(64) transferTo?: string;
}
