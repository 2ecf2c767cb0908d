import type { CaseHistory } from './city-history';

/** The `cases` columns the generator fills (the others keep their defaults). */
export const CASE_COLUMNS = [
  'id',
  'case_number',
  'status',
  'channel',
  'demand_type',
  'category_code',
  'urgency',
  'district_code',
  'street_code',
  'address',
  'caller_phone',
  'description',
  'reasonable',
  'source_hotline_code',
  'source_hotline_number',
  'overflow_from',
  'first_call',
  'repeat_count',
  'lead_unit_code',
  'registered_at',
  'dispatch_count',
  'first_dispatched_at',
  'first_dispatch_returned',
  'dispatched_at',
  'closed_at',
  'dispatch_due_at',
  'sign_due_at',
  'response_due_at',
  'resolve_due_at',
  'callback_due_at',
  'signed_at',
  'responded_at',
  'resolved_at',
  'resolution_outcome',
] as const;

type Value = string | number | boolean | Date | null;
const STATUS_AFTER: Record<string, string> = {
  answered: 'answered',
  transferred: 'transferred',
  dispatched: 'dispatched',
  return_requested: 'return_requested',
  signed: 'signed',
  resolved: 'resolved',
  reopened: 'reopened',
  closed: 'closed',
};

/** The case's current row, as the api would have left it after these events (in CASE_COLUMNS order). */
export function caseRow(id: string, caseNumber: string, h: CaseHistory): Value[] {
  const row = {
    status: 'registered',
    reasonable: true,
    repeatCount: 0,
    leadUnit: null as string | null,
    dispatchCount: 0,
    firstDispatchedAt: null as Date | null,
    firstReturned: false,
    dispatchedAt: null as Date | null,
    closedAt: null as Date | null,
    deadlines: {} as Record<string, string>,
    callbackDueAt: null as string | null,
    signedAt: null as Date | null,
    respondedAt: null as Date | null,
    resolvedAt: null as Date | null,
    outcome: null as string | null,
  };
  for (const e of h.events) {
    const d = e.data;
    row.status = STATUS_AFTER[e.name] ?? row.status;
    switch (e.name) {
      case 'dispatched':
        row.leadUnit = d.leadUnitCode as string;
        row.dispatchCount += 1;
        row.firstDispatchedAt ??= e.time;
        row.dispatchedAt = e.time;
        row.deadlines = d.deadlines as Record<string, string>;
        row.signedAt = row.respondedAt = null;
        break;
      case 'return_reviewed':
        if (d.approved === true) {
          row.status = 'registered';
          row.firstReturned ||= d.dispatchNo === 1;
        } else row.status = 'dispatched';
        break;
      case 'merged':
        row.repeatCount += 1;
        break;
      case 'deadline_changed':
        row.deadlines = { ...row.deadlines, resolve: e.after!.resolveDueAt as string };
        break;
      case 'signed':
        row.signedAt = e.time;
        break;
      case 'responded':
        row.respondedAt ??= e.time;
        break;
      case 'resolved':
        row.resolvedAt = e.time;
        row.outcome = d.outcome as string;
        row.callbackDueAt = d.callbackDueAt as string;
        break;
      case 'sla_breached':
        if (d.kind === 'resolve') row.callbackDueAt ??= d.callbackDueAt as string;
        break;
      case 'marked_unreasonable':
        row.reasonable = false;
        break;
      case 'closed':
        row.closedAt = e.time;
        break;
    }
  }
  return [
    id,
    caseNumber,
    row.status,
    'phone',
    h.demandType,
    h.categoryCode,
    h.urgency,
    h.districtCode,
    h.streetCode,
    `${h.streetCode} 模拟地址`,
    h.callerPhone,
    '市民反映的问题需要处理（基准数据）',
    row.reasonable,
    h.sourceHotline,
    h.sourceNumber,
    h.overflowFrom,
    h.firstCall,
    row.repeatCount,
    row.leadUnit,
    h.registeredAt,
    row.dispatchCount,
    row.firstDispatchedAt,
    row.firstReturned,
    row.dispatchedAt,
    row.closedAt,
    h.dispatchDueAt,
    row.deadlines.sign ?? null,
    row.deadlines.response ?? null,
    row.deadlines.resolve ?? null,
    row.callbackDueAt,
    row.signedAt,
    row.respondedAt,
    row.resolvedAt,
    row.outcome,
  ];
}
