/** The case vocabulary (docs/product.md, "Glossary"). */
export const CASE_STATUSES = [
  'registered',
  'answered',
  'transferred',
  'dispatched',
  'return_requested',
  'signed',
  'reviewing',
  'resolved',
  'reopened',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** A case is open until it is answered on the call, transferred to a utility, or closed. */
export const FINISHED_STATUSES: readonly CaseStatus[] = ['answered', 'transferred', 'closed'];

/**
 * While a case is in one of these states its lead and co-handlers hold active dispatch orders
 * (issued on dispatch; completed on resolve — after the centre's review where the policy asks for one —
 * cancelled by an approved return).
 */
export const ACTIVE_ORDER_STATUSES: readonly CaseStatus[] = ['dispatched', 'signed', 'return_requested', 'reviewing'];

export const DEMAND_TYPES = ['consultation', 'help', 'complaint', 'report', 'suggestion', 'praise'] as const;
export type DemandType = (typeof DEMAND_TYPES)[number];

export const CHANNELS = ['phone', 'web', 'app', 'wechat', 'email', 'letter', 'walk_in'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Who raised the demand: a citizen, or an enterprise through the enterprise service channel (docs/product.md). */
export const REQUESTER_KINDS = ['citizen', 'enterprise'] as const;
export type RequesterKind = (typeof REQUESTER_KINDS)[number];

export const RETURN_REASONS = [
  'not_our_jurisdiction',
  'wrong_location',
  'needs_other_unit',
  'duplicate',
  'other',
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

/**
 * A unit's part in a case: the lead (主办), a co-handler (协办), or a community/village its street
 * forwarded the case to (转派: `sub`), which works for the lead, to the lead's deadlines.
 */
export const ASSIGNMENT_ROLES = ['lead', 'co', 'sub'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];

export const RESOLUTION_OUTCOMES = ['solved', 'partly', 'unsolved'] as const;
export type ResolutionOutcome = (typeof RESOLUTION_OUTCOMES)[number];

export const SATISFACTION_LEVELS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];
