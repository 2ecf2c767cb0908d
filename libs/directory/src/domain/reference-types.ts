/** Reference-data vocabularies (docs/product.md, "Reference data"; docs/api.md). Plain values: domain code imports no framework. */
export const HOTLINE_KINDS = ['primary', 'merged', 'utility'] as const;
export type HotlineKind = (typeof HOTLINE_KINDS)[number];

export const MERGE_MODES = ['number_retired', 'dual_number'] as const;
export type MergeMode = (typeof MERGE_MODES)[number];

/** A community (社区) or village (村) sits under a street/township and handles what its street forwards. */
export const UNIT_KINDS = ['district', 'street', 'department', 'utility', 'community'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const DISPATCH_TARGETS = ['unit', 'street_of_location', 'district_of_location'] as const;
export type DispatchTarget = (typeof DISPATCH_TARGETS)[number];

export const URGENCIES = ['emergency', 'basic_service', 'general', 'complex'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const DURATION_UNITS = ['minutes', 'hours', 'calendar_days', 'working_days'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** A time limit as policy states it; working days are counted on the holiday calendar. */
export interface Duration {
  amount: number;
  unit: DurationUnit;
}

/** SQL CHECK list for a vocabulary, e.g. `'a', 'b'` (used by entity @Check constraints). */
export function sqlList(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(', ');
}
