import { Injectable } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { CALL_EVENT_KINDS, CallEventKind, CallsService } from '@hotline/cases';
import { CloudEvent, EVENT_TYPE_PREFIX, EventHandler, TOPICS } from '@hotline/messaging';

/** `data` of every `cn.gov.12345.call.<kind>.v1` event from telephony (CTI). */
export class TelephonyCallData {
  @IsString() @MaxLength(100) callId!: string;
  @Matches(/^\d{3,20}$/, { message: 'must be 3–20 digits' }) dialedNumber!: string;
  @IsString() @MaxLength(40) callerNumber!: string;
  @Type(() => Date) @IsDate({ message: 'must be an ISO 8601 date-time' }) occurredAt!: Date;
  @IsOptional() @IsString() @MaxLength(100) agentId?: string;
  @IsOptional() @IsString() @MaxLength(64) overflowFrom?: string;
  @IsOptional() @IsString() @MaxLength(64) transferTo?: string;
}

const typeOf = (kind: CallEventKind) => `${EVENT_TYPE_PREFIX}.call.${kind}.v1`;
const KIND_BY_TYPE = new Map(CALL_EVENT_KINDS.map((kind) => [typeOf(kind), kind]));

/** Folds telephony's call events into calls; an unknown line or a malformed event goes to the DLQ. */
@Injectable()
export class TelephonyConsumer implements EventHandler {
  readonly name = 'telephony-calls';
  readonly topics = [TOPICS.calls];
  readonly dataTypes = Object.fromEntries(CALL_EVENT_KINDS.map((kind) => [typeOf(kind), TelephonyCallData]));
  readonly unknownTypes = 'dead_letter';
  readonly unknownFields = 'reject';

  constructor(private readonly calls: CallsService) {}

  async handle(event: CloudEvent, tx: EntityManager): Promise<void> {
    const data = event.data as TelephonyCallData;
    await this.calls.applyTelephonyEvent(tx, {
      ctiCallId: data.callId,
      kind: KIND_BY_TYPE.get(event.type)!,
      dialedNumber: data.dialedNumber,
      callerNumber: data.callerNumber,
      occurredAt: data.occurredAt,
      overflowFrom: data.overflowFrom,
    });
  }
}
