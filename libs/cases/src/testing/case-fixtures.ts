import { addMs, DAY_MS, HOUR_MS, instant } from '@hotline/clock/domain';
import type { CaseEntity } from '../entities/case.entity';

let sequence = 0;

/** What an agent records for a general complaint on 建外街道's patch. */
export const A_PLACED_COMPLAINT = {
  channel: 'phone',
  demandType: 'complaint',
  categoryCode: '010101',
  urgency: 'general',
  districtCode: '110105',
  streetCode: '110105001',
  address: '建国门外大街1号',
} as const;

/** A registered general complaint on 建外街道's patch, with whatever `overrides` say. */
export function aCase(overrides: Partial<CaseEntity> = {}): CaseEntity {
  sequence += 1;
  const registeredAt = overrides.registeredAt ?? instant('2026-11-30T09:00:00+08:00');
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    caseNumber: `20261130-${String(sequence).padStart(7, '0')}`,
    status: 'registered',
    version: 1,
    ...A_PLACED_COMPLAINT,
    callerName: '王女士',
    callerPhone: '13812345678',
    description: '小区门口有商贩占道经营',
    confidential: false,
    requesterKind: 'citizen',
    companyName: null,
    companyCreditCode: null,
    sensitive: false,
    reasonable: true,
    sourceHotlineCode: '12345',
    sourceHotlineNumber: '12345',
    overflowFrom: null,
    callId: null,
    firstCall: true,
    repeatOf: null,
    repeatCount: 0,
    leadUnitCode: null,
    coUnitCodes: [],
    coReportDue: {},
    forwardedToUnitCode: null,
    unitCodes: [],
    registeredAt,
    registeredBy: null,
    dispatchCount: 0,
    firstDispatchedAt: null,
    firstDispatchReturned: false,
    dispatchedAt: null,
    signedAt: null,
    respondedAt: null,
    resolvedAt: null,
    resultSubmittedAt: null,
    resolutionOutcome: null,
    resolutionReply: null,
    unreachedCallbacks: 0,
    unreasonableReason: null,
    closedAt: null,
    dispatchDueAt: addMs(registeredAt, DAY_MS),
    signDueAt: null,
    responseDueAt: null,
    resolveDueAt: null,
    callbackDueAt: null,
    updatedAt: registeredAt,
    ...overrides,
  };
}

/** The same case, dispatched to `lead` (and `co`) an hour after registration. */
export function aDispatchedCase(
  lead = '110105001',
  co: string[] = [],
  overrides: Partial<CaseEntity> = {},
): CaseEntity {
  const base = aCase(overrides);
  const dispatchedAt = addMs(base.registeredAt, HOUR_MS);
  return {
    ...base,
    status: 'dispatched',
    leadUnitCode: lead,
    coUnitCodes: co,
    unitCodes: [lead, ...co],
    dispatchCount: 1,
    dispatchedAt,
    firstDispatchedAt: dispatchedAt,
    signDueAt: addMs(dispatchedAt, 2 * HOUR_MS),
    responseDueAt: addMs(dispatchedAt, DAY_MS),
    resolveDueAt: addMs(dispatchedAt, 7 * DAY_MS),
    ...overrides,
  };
}
