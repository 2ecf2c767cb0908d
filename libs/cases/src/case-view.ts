import type { Actor } from './domain/actor';
import { maskPhone } from './domain/phone';
import { callerVisibility, showsCompany } from './domain/privacy';
import type { Company } from './domain/requester';
import type { CaseEntity } from './entities/case.entity';
import type { CaseEventEntity } from './entities/case-event.entity';

/** The lead's result: waiting for the centre's review (`submittedAt`) or accepted (`resolvedAt`). */
export interface CaseResult {
  outcome: string | null;
  reply: string | null;
  submittedAt: string | null;
  resolvedAt: string | null;
}

export interface CaseDeadlines {
  dispatch: string;
  sign: string | null;
  response: string | null;
  resolve: string | null;
  callback: string | null;
}

/** A case as the api shows it (docs/api.md), with the caller masked or hidden per docs/product.md, "Privacy and access". */
export interface CaseView {
  id: string;
  caseNumber: string;
  status: CaseEntity['status'];
  version: number;
  channel: string;
  demandType: string;
  urgency: string;
  categoryCode: string;
  districtCode: string;
  streetCode: string | null;
  address: string;
  description: string;
  callerName: string | null;
  callerPhone: string | null;
  confidential: boolean;
  requesterKind: CaseEntity['requesterKind'];
  /** Null for a citizen's demand, and for units when the demand is sensitive (docs/product.md). */
  company: Company | null;
  sensitive: boolean;
  reasonable: boolean;
  sourceHotline: string | null;
  sourceHotlineCode: string;
  overflowFrom: string | null;
  callId: string | null;
  firstCall: boolean;
  repeatOf: string | null;
  repeatCount: number;
  leadUnitCode: string | null;
  coUnitCodes: string[];
  /** Each co-handler's report deadline, by unit code. */
  coReportDue: Record<string, string>;
  forwardedToUnitCode: string | null;
  registeredAt: string;
  deadlines: CaseDeadlines;
  /** Null until the lead gives a result (and again after the centre sends one back). */
  result: CaseResult | null;
}

export interface TimelineEntry {
  seq: number;
  type: string;
  occurredAt: string;
  actor: { userId: string | null; role: string; unitCode: string | null };
  data: object;
  before: object | null;
  after: object | null;
}

export function toCaseView(c: CaseEntity, viewer: Pick<Actor, 'role' | 'unitCode'>): CaseView {
  const visibility = callerVisibility(viewer, c);
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    status: c.status,
    version: c.version,
    channel: c.channel,
    demandType: c.demandType,
    urgency: c.urgency,
    categoryCode: c.categoryCode,
    districtCode: c.districtCode,
    streetCode: c.streetCode,
    address: c.address,
    description: c.description,
    callerName: visibility === 'full' ? c.callerName : null,
    callerPhone: shownPhone(c.callerPhone, visibility),
    confidential: c.confidential,
    requesterKind: c.requesterKind,
    company: showsCompany(viewer, c) ? companyOf(c) : null,
    sensitive: c.sensitive,
    reasonable: c.reasonable,
    sourceHotline: c.sourceHotlineNumber,
    sourceHotlineCode: c.sourceHotlineCode,
    overflowFrom: c.overflowFrom,
    callId: c.callId,
    firstCall: c.firstCall,
    repeatOf: c.repeatOf,
    repeatCount: c.repeatCount,
    leadUnitCode: c.leadUnitCode,
    coUnitCodes: c.coUnitCodes,
    coReportDue: { ...c.coReportDue },
    forwardedToUnitCode: c.forwardedToUnitCode,
    registeredAt: c.registeredAt.toISOString(),
    deadlines: {
      dispatch: c.dispatchDueAt.toISOString(),
      sign: iso(c.signDueAt),
      response: iso(c.responseDueAt),
      resolve: iso(c.resolveDueAt),
      callback: iso(c.callbackDueAt),
    },
    result: resultOf(c),
  };
}

function resultOf(c: CaseEntity): CaseResult | null {
  if (!c.resultSubmittedAt && !c.resolvedAt) return null;
  return {
    outcome: c.resolutionOutcome,
    reply: c.resolutionReply,
    submittedAt: iso(c.resultSubmittedAt),
    resolvedAt: iso(c.resolvedAt),
  };
}

export function toTimelineEntry(e: CaseEventEntity): TimelineEntry {
  return {
    seq: e.seq,
    type: e.type,
    occurredAt: e.occurredAt.toISOString(),
    actor: { userId: e.actorUserId, role: e.actorRole, unitCode: e.actorUnitCode },
    data: e.data,
    before: e.before,
    after: e.after,
  };
}

function companyOf(c: CaseEntity): Company | null {
  return c.companyName !== null && c.companyCreditCode !== null
    ? { name: c.companyName, creditCode: c.companyCreditCode }
    : null;
}

function iso(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}

function shownPhone(phone: string | null, visibility: ReturnType<typeof callerVisibility>): string | null {
  if (phone === null || visibility === 'hidden') return null;
  return visibility === 'full' ? phone : maskPhone(phone);
}
