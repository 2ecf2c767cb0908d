import { Injectable } from '@nestjs/common';
import { CaseQueriesService } from '@hotline/cases';
import { DomainError } from '@hotline/core';
import { DispatchRulesService, ReferenceDataService } from '@hotline/directory';
import { type CatalogueRule, decideDispatch } from './domain/catalogue-engine';
import { casePlace, catalogueWith, type ProposedRule } from './domain/catalogue-replay';

export interface DryRunCase {
  caseId: string;
  caseNumber: string;
  categoryCode: string;
  actualUnitCode: string | null;
  currentUnitCode: string | null;
  proposedUnitCode: string | null;
}

export interface DryRunResult {
  examined: number;
  changed: number;
  items: DryRunCase[];
}

/** At most this many changed cases are listed; `changed` counts them all. */
const LISTED = 200;

/**
 * "Applied to the last N cases, which would change unit?" (docs/api.md, "Reference data upkeep"): the
 * catalogue as it is and as it would be with one rule changed (or added) decide the last N dispatched
 * cases; the cases whose unit differs are listed. Nothing is written.
 */
@Injectable()
export class CatalogueDryRunService {
  constructor(
    private readonly queries: CaseQueriesService,
    private readonly reference: ReferenceDataService,
    private readonly rules: DispatchRulesService,
  ) {}

  async run(ruleId: string | undefined, fields: Partial<ProposedRule>, lastN: number): Promise<DryRunResult> {
    const proposed = await this.proposedRule(ruleId, fields);
    const snapshot = await this.reference.snapshot();
    const unit = (code: string) => snapshot.units.get(code);
    const unitBy = (rules: readonly CatalogueRule[], place: ReturnType<typeof casePlace>) =>
      decideDispatch(rules, place, unit).suggestion?.leadUnitCode ?? null;
    const withChange = catalogueWith(snapshot.dispatchRules, proposed);

    const cases = await this.queries.lastDispatched(lastN);
    const changed = cases.flatMap((c): DryRunCase[] => {
      const place = casePlace(c, snapshot.categories);
      const currentUnitCode = unitBy(snapshot.dispatchRules, place);
      const proposedUnitCode = unitBy(withChange, place);
      if (currentUnitCode === proposedUnitCode) return [];
      const { id: caseId, caseNumber, categoryCode, leadUnitCode: actualUnitCode } = c;
      return [{ caseId, caseNumber, categoryCode, actualUnitCode, currentUnitCode, proposedUnitCode }];
    });
    return { examined: cases.length, changed: changed.length, items: changed.slice(0, LISTED) };
  }

  /** The rule with the fields changed (or a new one), checked as a rule to be saved would be: 400 `rule.<field>`. */
  private async proposedRule(ruleId: string | undefined, fields: Partial<ProposedRule>): Promise<ProposedRule> {
    const existing = ruleId ? (await this.rules.all()).find((r) => r.id === ruleId) : undefined;
    if (ruleId && !existing) throw new DomainError('reference.not_found', `No dispatch rule ${ruleId}`);
    const base = existing ?? { id: 'proposed', coUnitCodes: [], auto: false, redispatchOnReopen: false, active: true };
    const proposed = { districtCode: null, streetCode: null, leadUnitCode: null, ...base, ...fields } as ProposedRule;
    const problems = await this.rules.problemsOf(proposed);
    if (problems.length > 0) throw DomainError.validation(problems.map((p) => ({ ...p, field: `rule.${p.field}` })));
    return proposed;
  }
}
