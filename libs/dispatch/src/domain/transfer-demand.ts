import type { Channel, DemandType } from '@hotline/cases/domain';
import type { FieldError } from '@hotline/core';
import type { Urgency } from '@hotline/directory/domain';

/** What a transfer from a call without a case says of the demand: its category and place. */
export interface TransferDemand {
  categoryCode?: string;
  districtCode?: string;
  streetCode?: string;
  address?: string;
}

/** A registration (CaseRegistrationService's NewCase) of the demand of a call being transferred. */
export interface CallCase {
  callId: string;
  channel: Channel;
  demandType: DemandType;
  urgency: Urgency;
  categoryCode: string;
  districtCode: string;
  streetCode?: string;
  address: string;
  callerPhone: string;
  description: string;
}

/**
 * The case a one-click transfer registers for a call that has none yet (docs/decisions.md, "One-click
 * transfer from the call"): a help request by phone, from the caller's number, described by the
 * transfer's summary, at general urgency — the agent gives only what no one else knows: the
 * category, the place and the summary. Missing ones are named, each `required`.
 */
export function caseFromCall(
  call: { id: string; callerNumber: string },
  summary: string | undefined,
  demand: TransferDemand,
): CallCase | FieldError[] {
  const { categoryCode, districtCode, address } = demand;
  const missing = Object.entries({ summary, categoryCode, districtCode, address })
    .filter(([, value]) => value === undefined || value.trim() === '')
    .map(([field]): FieldError => ({
      field,
      message: 'is required to transfer a call without a case',
      reason: 'required',
    }));
  if (missing.length > 0) return missing;
  return {
    callId: call.id,
    channel: 'phone',
    demandType: 'help',
    urgency: 'general',
    categoryCode: categoryCode!,
    districtCode: districtCode!,
    streetCode: demand.streetCode,
    address: address!,
    callerPhone: call.callerNumber,
    description: summary!,
  };
}
