import { IsOptional, IsString, IsUUID } from 'class-validator';
import { EVENT_TYPE_PREFIX } from '@hotline/messaging';

/**
 * Case events on `hotline.cases.v1` (key = case id; docs/events.md): every change of a case, in
 * order. The short name is the timeline's `type`; on Kafka the type is `cn.gov.12345.case.<name>.v1`.
 */
export const CASE_EVENT_NAMES = [
  'registered',
  'merged',
  'supervision_triggered',
  'answered',
  'transferred',
  'transfer_acknowledged',
  'dispatched',
  'forwarded',
  'co_handler_added',
  'return_requested',
  'return_reviewed',
  'signed',
  'co_signed',
  'assigned',
  'responded',
  'co_handler_reported',
  'extension_requested',
  'extension_reviewed',
  'deadline_changed',
  'corrected',
  'result_submitted',
  'result_reviewed',
  'resolved',
  'callback_recorded',
  'marked_unreasonable',
  'reopened',
  'closed',
  'sla_warning',
  'sla_breached',
  'supervision_issued',
  'supervision_replied',
  'supervision_escalated',
  'supervision_closed',
] as const;
export type CaseEventName = (typeof CASE_EVENT_NAMES)[number];

export function caseEventType(name: CaseEventName): string {
  return `${EVENT_TYPE_PREFIX}.case.${name}.v1`;
}

const NAME_BY_TYPE = new Map(CASE_EVENT_NAMES.map((name) => [caseEventType(name), name]));

/** The short name of a case event's CloudEvent type (undefined for any other type). */
export function caseEventName(type: string): CaseEventName | undefined {
  return NAME_BY_TYPE.get(type);
}

/**
 * What every case event's `data` carries (besides its own fields): the case, its status after the
 * event, and who acted. Never the caller's identity: many systems read this topic.
 */
export class CaseEventData {
  @IsUUID() caseId!: string;
  @IsString() caseNumber!: string;
}

/** `supervision_triggered`: a missed deadline, an unsatisfied callback or a 2nd repeat call. */
export class SupervisionTriggeredData extends CaseEventData {
  @IsString() trigger!: string;
  /** For a missed deadline: which clock, and whose. */
  @IsOptional() @IsString() kind?: string;
  @IsOptional() @IsString() unitCode?: string | null;
}
