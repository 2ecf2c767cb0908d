import { EVENT_TYPE_PREFIX } from '@hotline/messaging';

/** Short names of case events; on Kafka the type is `cn.gov.12345.case.<name>.v1`. */
export const CASE_EVENT_NAMES = [
  'registered',
  'merged',
  'supervision_triggered',
  'answered',
  'transferred',
  'transfer_acknowledged',
  'dispatched',
  'return_requested',
  'return_reviewed',
  'signed',
  'co_signed',
  'responded',
  'co_handler_reported',
  'extension_requested',
  'extension_reviewed',
  'deadline_changed',
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
