import type { RequesterKind } from '@hotline/cases/domain';
import { instant } from '@hotline/clock/domain';
/**
 * What the KPIs need to know about one case, folded from its events (docs/kpi.md). Pure: the
 * projection applies the same fold to events from Kafka, and the rebuild to the stored event log.
 */
export interface CaseFacts {
  caseId: string;
  caseNumber: string;
  firstCall: boolean;
  registeredAt: Date;
  hotline: string;
  categoryCode: string;
  districtCode: string;
  streetCode: string | null;
  /** From `case.registered`; events from before the enterprise channel carry none: a citizen's. */
  requesterKind: RequesterKind;
  /** The unit that holds (or last held) the case; the first dispatch's lead until a later one. */
  unitCode: string | null;
  /** Answered on the call or transferred: no dispatch was needed. */
  noDispatchNeeded: boolean;
  dispatchDueAt: Date;
  firstDispatchedAt: Date | null;
  dispatchCount: number;
  firstDispatchReturned: boolean;
  firstReturnPending: boolean;
  /** From the dispatch the unit keeps. */
  responseDueAt: Date | null;
  respondedAt: Date | null;
  resolveDueAt: Date | null;
  resolvedAt: Date | null;
  reasonable: boolean;
  callbackDueAt: Date | null;
  callbackDoneAt: Date | null;
  /** The first supervision trigger (missed deadline, unsatisfied callback, 2nd repeat call). */
  triggerAt: Date | null;
  /** The first supervision order issued at or after the trigger. */
  supervisedAt: Date | null;
}

/** One case event as the KPIs read it: its short name, when it happened, its data. */
export interface FactEvent {
  name: string;
  time: Date;
  caseId: string;
  caseNumber: string;
  data: Record<string, unknown>;
}

const date = (value: unknown): Date | null =>
  typeof value === 'string' || value instanceof Date ? instant(value) : null;
const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/** Applies one event; returns the facts unchanged (the same object) when the event does not matter. */
export function applyFactEvent(facts: CaseFacts | null, e: FactEvent): CaseFacts | null {
  if (e.name === 'registered') {
    if (facts) return facts;
    const deadlines = (e.data.deadlines ?? {}) as Record<string, unknown>;
    return {
      caseId: e.caseId,
      caseNumber: e.caseNumber,
      firstCall: e.data.firstCall !== false,
      registeredAt: e.time,
      hotline: str(e.data.sourceHotline) ?? '12345',
      categoryCode: str(e.data.categoryCode) ?? '',
      districtCode: str(e.data.districtCode) ?? '',
      streetCode: str(e.data.streetCode),
      requesterKind: e.data.requesterKind === 'enterprise' ? 'enterprise' : 'citizen',
      unitCode: null,
      noDispatchNeeded: false,
      dispatchDueAt: date(deadlines.dispatch) ?? e.time,
      firstDispatchedAt: null,
      dispatchCount: 0,
      firstDispatchReturned: false,
      firstReturnPending: false,
      responseDueAt: null,
      respondedAt: null,
      resolveDueAt: null,
      resolvedAt: null,
      reasonable: true,
      callbackDueAt: null,
      callbackDoneAt: null,
      triggerAt: null,
      supervisedAt: null,
    };
  }
  if (!facts) return null;
  const d = e.data;
  switch (e.name) {
    case 'answered':
    case 'transferred':
      return { ...facts, noDispatchNeeded: true };
    case 'dispatched': {
      const deadlines = (d.deadlines ?? {}) as Record<string, unknown>;
      return {
        ...facts,
        unitCode: str(d.leadUnitCode) ?? facts.unitCode,
        firstDispatchedAt: facts.firstDispatchedAt ?? e.time,
        dispatchCount: facts.dispatchCount + 1,
        responseDueAt: date(deadlines.response),
        respondedAt: null,
        resolveDueAt: date(deadlines.resolve),
      };
    }
    case 'return_requested':
      return d.dispatchNo === 1 ? { ...facts, firstReturnPending: true } : facts;
    case 'return_reviewed':
      if (d.dispatchNo !== 1) return facts;
      return {
        ...facts,
        firstReturnPending: false,
        firstDispatchReturned: facts.firstDispatchReturned || d.approved === true,
      };
    case 'responded':
      return facts.respondedAt ? facts : { ...facts, respondedAt: e.time };
    case 'deadline_changed': {
      const after = (d.after ?? {}) as Record<string, unknown>;
      return d.deadline === 'resolve'
        ? { ...facts, resolveDueAt: date(after.resolveDueAt) ?? facts.resolveDueAt }
        : facts;
    }
    case 'corrected': {
      // The case counts where it belongs and against its corrected deadlines (docs/kpi.md, "Corrections").
      const after = (e.data.after ?? {}) as Record<string, unknown>;
      return {
        ...facts,
        categoryCode: str(after.categoryCode) ?? facts.categoryCode,
        districtCode: str(after.districtCode) ?? facts.districtCode,
        streetCode: 'streetCode' in after ? str(after.streetCode) : facts.streetCode,
        dispatchDueAt: date(after.dispatchDueAt) ?? facts.dispatchDueAt,
        responseDueAt: date(after.responseDueAt) ?? facts.responseDueAt,
        resolveDueAt: date(after.resolveDueAt) ?? facts.resolveDueAt,
        callbackDueAt: date(after.callbackDueAt) ?? facts.callbackDueAt,
      };
    }
    case 'resolved':
      return {
        ...facts,
        // Under the centre's review the accepted result counts from its submission (docs/kpi.md).
        resolvedAt: date(d.resolvedAt) ?? e.time,
        callbackDueAt: date(d.callbackDueAt) ?? facts.callbackDueAt,
        callbackDoneAt: null,
      };
    case 'sla_breached':
      return d.kind === 'resolve' && !facts.callbackDueAt && date(d.callbackDueAt)
        ? { ...facts, callbackDueAt: date(d.callbackDueAt) }
        : facts;
    case 'callback_recorded':
      return d.reached === true && !facts.callbackDoneAt ? { ...facts, callbackDoneAt: e.time } : facts;
    case 'closed':
      return d.reason === 'unreachable' && !facts.callbackDoneAt ? { ...facts, callbackDoneAt: e.time } : facts;
    case 'marked_unreasonable':
      return { ...facts, reasonable: false };
    case 'supervision_triggered':
      return facts.triggerAt ? facts : { ...facts, triggerAt: e.time };
    case 'supervision_issued':
      return facts.triggerAt && !facts.supervisedAt && e.time >= facts.triggerAt
        ? { ...facts, supervisedAt: e.time }
        : facts;
    default:
      return facts;
  }
}
