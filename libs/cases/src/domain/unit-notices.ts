import type { AssignmentRole } from './case-vocabulary';

/**
 * What of a case event concerns a unit (docs/events.md, "Unit notices"): the kinds of notice a unit's
 * system hears on its own channel, besides its orders.
 */
export const UNIT_NOTICE_KINDS = [
  'sla_warning',
  'sla_breached',
  'supervision_issued',
  'supervision_escalated',
  'supervision_closed',
  'extension_reviewed',
  'return_reviewed',
  'deadline_changed',
  'corrected',
  'reopened',
  'assigned',
  'signed',
  'responded',
  'reported',
  'result_reviewed',
] as const;
export type UnitNoticeKind = (typeof UNIT_NOTICE_KINDS)[number];

/**
 * Who hears it: the unit the event names (`data.unitCode`: the clock's, the supervision order's, the
 * returning unit's, the assignee's), the acting unit (a co-handler's own step), the lead, or every
 * unit holding an order (a deadline of the whole case). The community a street forwarded the case to
 * works to the lead's deadlines: it hears what the lead hears, and the lead's clocks and supervision
 * orders (`forwardee`).
 */
type Audience = 'named_unit' | 'acting_unit' | 'lead' | 'holders';

/**
 * The rules as data, by case event name (events/case.events.ts): a case event not listed here concerns no
 * unit beyond its orders.
 */
const NOTICE_RULES: Readonly<Record<string, { kind: UnitNoticeKind; to: Audience; forwardee?: true }>> = {
  sla_warning: { kind: 'sla_warning', to: 'named_unit', forwardee: true },
  sla_breached: { kind: 'sla_breached', to: 'named_unit', forwardee: true },
  supervision_issued: { kind: 'supervision_issued', to: 'named_unit', forwardee: true },
  supervision_escalated: { kind: 'supervision_escalated', to: 'named_unit', forwardee: true },
  supervision_closed: { kind: 'supervision_closed', to: 'named_unit', forwardee: true },
  extension_reviewed: { kind: 'extension_reviewed', to: 'lead' },
  return_reviewed: { kind: 'return_reviewed', to: 'named_unit' },
  deadline_changed: { kind: 'deadline_changed', to: 'holders' },
  corrected: { kind: 'corrected', to: 'holders' },
  reopened: { kind: 'reopened', to: 'lead' },
  assigned: { kind: 'assigned', to: 'named_unit' },
  signed: { kind: 'signed', to: 'lead' },
  co_signed: { kind: 'signed', to: 'acting_unit' },
  responded: { kind: 'responded', to: 'lead' },
  co_handler_reported: { kind: 'reported', to: 'acting_unit' },
  result_reviewed: { kind: 'result_reviewed', to: 'lead', forwardee: true },
};

/** The case events that give notices (each must be a case event name: the spec holds them to the list). */
export const NOTICE_EVENT_NAMES: readonly string[] = Object.keys(NOTICE_RULES);

export interface NoticeSubject {
  leadUnitCode: string | null;
  coUnitCodes: readonly string[];
  forwardedToUnitCode: string | null;
}

export interface UnitNoticeTarget {
  kind: UnitNoticeKind;
  unitCode: string;
  /** The unit's part in the case after the event; null when it no longer holds an order (a return approved). */
  role: AssignmentRole | null;
}

/** The units a case event concerns, each once, with the kind of notice it hears. */
export function unitNoticesOf(
  name: string,
  data: { unitCode?: unknown },
  actingUnitCode: string | null,
  subject: NoticeSubject,
): UnitNoticeTarget[] {
  if (!Object.hasOwn(NOTICE_RULES, name)) return [];
  const rule = NOTICE_RULES[name];
  const named = typeof data.unitCode === 'string' ? data.unitCode : null;
  const forwardee = subject.forwardedToUnitCode;
  const units = {
    named_unit: rule.forwardee && named === subject.leadUnitCode ? [named, forwardee] : [named],
    acting_unit: [actingUnitCode],
    lead: [subject.leadUnitCode, forwardee],
    holders: [subject.leadUnitCode, forwardee, ...subject.coUnitCodes],
  }[rule.to].filter((code): code is string => code !== null);
  return [...new Set(units)].map((unitCode) => ({ kind: rule.kind, unitCode, role: roleOf(unitCode, subject) }));
}

function roleOf(unitCode: string, subject: NoticeSubject): AssignmentRole | null {
  if (unitCode === subject.leadUnitCode) return 'lead';
  if (unitCode === subject.forwardedToUnitCode) return 'sub';
  return subject.coUnitCodes.includes(unitCode) ? 'co' : null;
}
