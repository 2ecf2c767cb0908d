import { IsISO8601, IsOptional, IsString, IsUUID } from 'class-validator';
import {
  createCloudEvent,
  EVENT_TYPE_PREFIX,
  type Refusal,
  type RejectionNotice,
  UNIT_CODE_IN_TOPIC,
  unitInboxTopic,
  unitOfRepliesTopic,
} from '@hotline/messaging';

/**
 * On the sending unit's inbox (docs/events.md, "Unit channels"): a reply of the unit was refused —
 * malformed, for a case it does not hold, in a state that does not allow it — with the same stable
 * reason an HTTP client gets (docs/errors.md). The reply itself also goes to the dead-letter topic.
 */
export const UNIT_REPLY_REJECTED_TYPE = `${EVENT_TYPE_PREFIX}.unit_reply.rejected.v1`;

export class UnitReplyRejectedData {
  /** The refused reply's CloudEvent id, when it had one. */
  @IsOptional() @IsString() replyId?: string;
  @IsOptional() @IsString() replyType?: string;
  @IsOptional() @IsUUID() caseId?: string;
  @IsString() unitCode!: string;
  /** A reason of docs/errors.md, e.g. `case.already_signed`, `message.malformed`. */
  @IsString() reason!: string;
  @IsString() message!: string;
  @IsISO8601() rejectedAt!: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value.slice(0, 200) : undefined);

/**
 * The rejection a refused reply earns, addressed to its sender: the unit whose replies topic it
 * came on — or, from the trusted gateway's shared topic, the unit the reply names. None when no
 * unit can be told.
 */
export function rejectionNotice(refusal: Refusal, source: string, now: Date): RejectionNotice[] {
  const data = (refusal.envelope?.data ?? {}) as { unitCode?: unknown; caseId?: unknown };
  const named = typeof data.unitCode === 'string' && UNIT_CODE_IN_TOPIC.test(data.unitCode) ? data.unitCode : null;
  const unitCode = unitOfRepliesTopic(refusal.topic) ?? named;
  if (unitCode === null) return [];
  const caseId = typeof data.caseId === 'string' && UUID.test(data.caseId) ? data.caseId : undefined;
  const rejection: UnitReplyRejectedData = {
    replyId: text(refusal.envelope?.id),
    replyType: text(refusal.envelope?.type),
    caseId,
    unitCode,
    reason: refusal.reasonCode,
    // An internal failure's text is the centre's business, not the unit's.
    message:
      refusal.reasonCode === 'internal.error'
        ? 'The centre could not process this reply; an operator has it'
        : refusal.reason.slice(0, 2000),
    rejectedAt: now.toISOString(),
  };
  return [
    {
      topic: unitInboxTopic(unitCode),
      key: caseId ?? unitCode,
      event: createCloudEvent({ type: UNIT_REPLY_REJECTED_TYPE, source, subject: caseId, time: now, data: rejection }),
    },
  ];
}
