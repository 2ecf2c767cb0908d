import type { DispatchTarget, UnitKind } from '@hotline/directory/domain';

export interface CatalogueRule {
  id: string;
  priority: number;
  name: string;
  categoryCode: string;
  districtCode: string | null;
  streetCode: string | null;
  target: DispatchTarget;
  leadUnitCode: string | null;
  coUnitCodes: readonly string[];
  auto: boolean;
  redispatchOnReopen: boolean;
}

export interface CasePlace {
  categoryCode: string;
  /** The category and its ancestors in the tree (nearest first): a rule covers its category and everything below. */
  categoryPath: readonly string[];
  districtCode: string | null;
  streetCode: string | null;
  /** A utility whose overflow this case came from: it is the default lead (溢出承接). */
  overflowFrom: string | null;
}

export interface UnitFacts {
  kind: UnitKind;
  active: boolean;
}

export interface DispatchSuggestion {
  leadUnitCode: string;
  coUnitCodes: string[];
  source: 'overflow' | 'rule' | 'fallback';
  ruleId: string | null;
  ruleName: string | null;
  /** Dispatch without an agent: only rules flagged `auto` do that. */
  auto: boolean;
  /** A reopened case goes back to the unit that handled it, without an agent. */
  redispatchOnReopen: boolean;
  reason: string;
}

export interface RuleTrace {
  ruleId: string;
  ruleName: string;
  priority: number;
  outcome: 'matched' | 'not_applicable' | 'skipped';
  why: string;
}

export interface CatalogueDecision {
  suggestion: DispatchSuggestion | null;
  /** Every rule looked at, in order, with why it did or did not decide. */
  trace: RuleTrace[];
  /** When there is no suggestion: why the case needs a manual dispatch. */
  manualReason: string | null;
}

/**
 * The dispatch catalogue (派单目录), docs/product.md, "Reference data": an overflow goes back to its utility; otherwise the
 * first rule in priority order whose category covers the case's and whose place (if any) is the
 * case's, with an active lead unit; else the district government of the location (兜底); with no
 * location, a person decides. Inactive co-handlers are dropped.
 */
export function decideDispatch(
  rules: readonly CatalogueRule[],
  place: CasePlace,
  unit: (code: string) => UnitFacts | undefined,
): CatalogueDecision {
  const isActive = (code: string): boolean => unit(code)?.active === true;
  const trace: RuleTrace[] = [];

  if (place.overflowFrom && isActive(place.overflowFrom)) {
    return {
      suggestion: {
        leadUnitCode: place.overflowFrom,
        coUnitCodes: [],
        source: 'overflow',
        ruleId: null,
        ruleName: null,
        auto: false,
        redispatchOnReopen: false,
        reason: `overflow from ${place.overflowFrom}: dispatched back to that utility`,
      },
      trace,
      manualReason: null,
    };
  }

  for (const rule of [...rules].sort((a, b) => a.priority - b.priority)) {
    const note = (outcome: RuleTrace['outcome'], why: string) =>
      trace.push({ ruleId: rule.id, ruleName: rule.name, priority: rule.priority, outcome, why });
    if (!place.categoryPath.includes(rule.categoryCode)) continue; // not this kind of demand: not worth a line
    if (rule.districtCode && rule.districtCode !== place.districtCode) {
      note('not_applicable', `only for district ${rule.districtCode}`);
      continue;
    }
    if (rule.streetCode && rule.streetCode !== place.streetCode) {
      note('not_applicable', `only for street ${rule.streetCode}`);
      continue;
    }
    const lead = targetUnit(rule, place);
    if (!lead) {
      note(
        'not_applicable',
        `targets the ${rule.target === 'street_of_location' ? 'street' : 'district'} of the location, which the case lacks`,
      );
      continue;
    }
    if (!isActive(lead)) {
      note('skipped', `lead unit ${lead} is inactive or unknown`);
      continue;
    }
    const coUnitCodes = rule.coUnitCodes.filter((code) => code !== lead && isActive(code));
    const dropped = rule.coUnitCodes.filter((code) => code !== lead && !isActive(code));
    note(
      'matched',
      `category ${rule.categoryCode} covers ${place.categoryCode}${dropped.length ? `; inactive co-handlers dropped: ${dropped.join(', ')}` : ''}`,
    );
    return {
      suggestion: {
        leadUnitCode: lead,
        coUnitCodes,
        source: 'rule',
        ruleId: rule.id,
        ruleName: rule.name,
        auto: rule.auto,
        redispatchOnReopen: rule.redispatchOnReopen,
        reason: `rule "${rule.name}" (priority ${rule.priority})`,
      },
      trace,
      manualReason: null,
    };
  }

  if (place.districtCode && isActive(place.districtCode)) {
    return {
      suggestion: {
        leadUnitCode: place.districtCode,
        coUnitCodes: [],
        source: 'fallback',
        ruleId: null,
        ruleName: null,
        auto: false,
        redispatchOnReopen: false,
        reason: `no rule applies: the district government of the location (兜底)`,
      },
      trace,
      manualReason: null,
    };
  }
  return {
    suggestion: null,
    trace,
    manualReason: place.districtCode ? `district ${place.districtCode} is inactive` : 'the case has no location',
  };
}

function targetUnit(rule: CatalogueRule, place: CasePlace): string | null {
  switch (rule.target) {
    case 'unit':
      return rule.leadUnitCode;
    case 'street_of_location':
      return place.streetCode;
    case 'district_of_location':
      return place.districtCode;
  }
}
