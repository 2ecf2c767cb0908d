import { ASSIGNMENT_ROLES, type AssignmentRole, type UnitNoticeKind } from '@hotline/cases/domain';
import { instant } from '@hotline/clock/domain';

/**
 * A unit's work list (docs/api.md, "Units' inboxes"): where each open item stands for the unit, the
 * deadline it works to next, and the due bands the list is filtered and counted by.
 */
export const INBOX_STAGES = ['to_sign', 'to_respond', 'handling', 'reported', 'to_acknowledge'] as const;
export type InboxStage = (typeof INBOX_STAGES)[number];

/**
 * The unit's own steps move its item on; a co-handler has no response of its own: it reports its part.
 * A community its street forwarded the case to (`sub`) works as the lead does.
 */
const STAGE_AFTER: Partial<Record<UnitNoticeKind, Record<AssignmentRole, InboxStage>>> = {
  signed: { lead: 'to_respond', co: 'handling', sub: 'to_respond' },
  responded: { lead: 'handling', co: 'handling', sub: 'handling' },
  reported: { lead: 'handling', co: 'reported', sub: 'handling' },
};

export function stageAfter(kind: UnitNoticeKind, role: AssignmentRole | null, stage: InboxStage): InboxStage {
  const next = STAGE_AFTER[kind];
  return next && role ? next[role] : stage;
}

/** Where a new order starts: to be signed, but a forward comes signed (to respond, or handling once the street responded). */
export function initialStage(role: AssignmentRole, respondedAt: string | null | undefined): InboxStage {
  if (role !== 'sub') return 'to_sign';
  return respondedAt ? 'handling' : 'to_respond';
}

/**
 * The deadline each stage works to (a reported co-handler waits for the lead: none); a co-handler
 * handling works to its own report deadline.
 */
const DUE_DEADLINE: Record<InboxStage, string | null> = {
  to_sign: 'sign',
  to_respond: 'response',
  handling: 'resolve',
  reported: null,
  to_acknowledge: 'acknowledge',
};

function dueDeadline(stage: InboxStage, role: AssignmentRole | null): string | null {
  return role === 'co' && stage === 'handling' ? 'report' : DUE_DEADLINE[stage];
}

/** The next deadline of an item at `stage`, from its deadlines (ISO strings; null: none running). */
export function dueOf(
  stage: InboxStage,
  deadlines: Readonly<Record<string, string | null | undefined>>,
  role: AssignmentRole | null = null,
): Date | null {
  const name = dueDeadline(stage, role);
  const at = name ? deadlines[name] : null;
  return at ? instant(at) : null;
}

export const DUE_BANDS = ['overdue', 'due_soon', 'later', 'none'] as const;
export type DueBand = (typeof DUE_BANDS)[number];

/** `due=overdue` or `due=within:<n>h` (n hours, 1–720), as a filter on due times. */
export type DueFilter = { overdue: true } | { withinHours: number };

/** The two forms of the filter, hours 1–720 (a month), for validating the query string. */
export const DUE_FILTER_PATTERN = /^(?:overdue|within:([1-9]|[1-9]\d|[1-6]\d\d|7[01]\d|720)h)$/;

/** The due filter of a query string; null when it is not one of the two forms. */
export function parseDueFilter(text: string): DueFilter | null {
  const match = DUE_FILTER_PATTERN.exec(text);
  if (!match) return null;
  return match[1] ? { withinHours: Number(match[1]) } : { overdue: true };
}

/** Counts are banded at 4 hours unless the list is filtered to another window. */
export const DEFAULT_DUE_SOON_HOURS = 4;

/** What an inbox item keeps that notices change. */
export interface InboxWorkState {
  role: string | null;
  categoryCode: string;
  urgency: string;
  address: string;
  stage: InboxStage;
  deadlines: Readonly<Record<string, string | null>>;
  dueAt: Date | null;
  alert: 'warning' | 'breach' | null;
  supervisionLevel: string | null;
  assigneeUserId: string | null;
  lastNotice: string | null;
  lastNoticeAt: Date | null;
}

export interface InboxNotice {
  kind: UnitNoticeKind;
  role: AssignmentRole | null;
  deadlines: Readonly<Record<string, string | null | undefined>>;
  detail: Readonly<Record<string, unknown>>;
  occurredAt: string;
}

/**
 * An item after a unit notice: the case's current deadlines (a notice to a unit that still holds its
 * order carries them all), its stage after the unit's own steps, the due time that follows, the alert
 * of the deadline it now works to (a new deadline or a new stage clears it), the open supervision
 * order's level and the assignee.
 */
export function applyNotice(item: InboxWorkState, notice: InboxNotice): InboxWorkState {
  const role = notice.role ?? roleOf(item.role);
  const deadlines = notice.role ? presentDeadlines(notice.deadlines) : item.deadlines;
  const stage = stageAfter(notice.kind, role, item.stage);
  const dueAt = dueOf(stage, deadlines, role);
  const fresh = stage !== item.stage || dueAt?.getTime() !== item.dueAt?.getTime();
  const clock = typeof notice.detail.kind === 'string' ? notice.detail.kind : null;
  const alertOfDue = clock !== null && clock === dueDeadline(stage, role);
  const alert =
    notice.kind === 'sla_breached' && alertOfDue
      ? 'breach'
      : notice.kind === 'sla_warning' && alertOfDue && item.alert !== 'breach'
        ? 'warning'
        : fresh
          ? null
          : item.alert;
  return {
    ...item,
    ...correctedFields(notice),
    deadlines,
    stage,
    dueAt,
    alert,
    supervisionLevel: supervisionLevelAfter(notice, item.supervisionLevel),
    assigneeUserId:
      notice.kind === 'assigned' && typeof notice.detail.userId === 'string'
        ? notice.detail.userId
        : item.assigneeUserId,
    lastNotice: notice.kind,
    lastNoticeAt: instant(notice.occurredAt),
  };
}

function roleOf(text: string | null): AssignmentRole | null {
  return ASSIGNMENT_ROLES.find((role) => role === text) ?? null;
}

function presentDeadlines(
  deadlines: Readonly<Record<string, string | null | undefined>>,
): Record<string, string | null> {
  return Object.fromEntries(Object.entries(deadlines).filter(([, at]) => at !== undefined)) as Record<
    string,
    string | null
  >;
}

/** A correction's new category, urgency or address, as the unit's item shows them. */
function correctedFields(notice: InboxNotice): Partial<Pick<InboxWorkState, 'categoryCode' | 'urgency' | 'address'>> {
  if (notice.kind !== 'corrected' || typeof notice.detail.after !== 'object' || notice.detail.after === null) return {};
  const after = notice.detail.after as Record<string, unknown>;
  const fields: Partial<Pick<InboxWorkState, 'categoryCode' | 'urgency' | 'address'>> = {};
  for (const field of ['categoryCode', 'urgency', 'address'] as const) {
    if (typeof after[field] === 'string') fields[field] = after[field];
  }
  return fields;
}

/**
 * A supervision notice carries the highest level still standing on the case for the unit (several orders
 * can stand at once: a new breach beside an escalated order); a notice without it (from before it was
 * carried) is read as it was then: the order's own level, none once closed.
 */
function supervisionLevelAfter(notice: InboxNotice, level: string | null): string | null {
  if (!SUPERVISION_NOTICES.has(notice.kind)) return level;
  const standing = notice.detail.standingLevel;
  if (typeof standing === 'string' || standing === null) return standing;
  const text = (field: string) => {
    const value = notice.detail[field];
    return typeof value === 'string' ? value : level;
  };
  if (notice.kind === 'supervision_issued') return text('level');
  if (notice.kind === 'supervision_escalated') return text('to');
  return null;
}

const SUPERVISION_NOTICES: ReadonlySet<UnitNoticeKind> = new Set([
  'supervision_issued',
  'supervision_escalated',
  'supervision_closed',
]);
