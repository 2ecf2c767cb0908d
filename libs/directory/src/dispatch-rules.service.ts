import { Injectable } from '@nestjs/common';
import { AuditActor, AuditService } from '@hotline/audit';
import { Clock } from '@hotline/clock';
import { DomainError, type FieldError, Page, PageRequest } from '@hotline/core';
import { isUniqueViolation, TransactionService } from '@hotline/database';
import { checkDispatchRule, DispatchRuleInput } from './domain/dispatch-rule-validation';
import type { DispatchRuleEntity } from './entities/dispatch-rule.entity';
import { DispatchRulesRepository } from './dispatch-rules.repository';
import { ReferenceChangesRepository } from './reference-changes.repository';
import { ReferenceDataService } from './reference-data.service';

/**
 * The dispatch catalogue: rules in priority order, added by admins (each new rule is its own first version
 * in `reference_changes`; edits go through ReferenceUpkeepService).
 */
@Injectable()
export class DispatchRulesService {
  constructor(
    private readonly db: TransactionService,
    private readonly rules: DispatchRulesRepository,
    private readonly reference: ReferenceDataService,
    private readonly audit: AuditService,
    private readonly changes: ReferenceChangesRepository,
    private readonly clock: Clock,
  ) {}

  list(page: PageRequest): Promise<Page<DispatchRuleEntity>> {
    return this.rules.page(page);
  }

  /** Every rule, active or not, in the order they are tried. */
  all(): Promise<DispatchRuleEntity[]> {
    return this.rules.all();
  }

  /** Every problem with the rule against the directory as it is now, by field (empty when sound). */
  async problemsOf(rule: DispatchRuleInput): Promise<FieldError[]> {
    const facts = await this.reference.facts(
      [rule.districtCode, rule.streetCode, rule.leadUnitCode, ...(rule.coUnitCodes ?? [])],
      [rule.categoryCode],
    );
    return checkDispatchRule(rule, facts);
  }

  async create(input: DispatchRuleInput, actor: AuditActor): Promise<DispatchRuleEntity> {
    const created = await this.db.run(async () => {
      const problems = await this.problemsOf(input);
      if (problems.length > 0) throw DomainError.validation(problems);
      const rule = await nameChecked(input.name, () =>
        this.rules.insert({
          ...input,
          districtCode: input.districtCode ?? null,
          streetCode: input.streetCode ?? null,
          leadUnitCode: input.leadUnitCode ?? null,
          coUnitCodes: [...(input.coUnitCodes ?? [])],
          auto: input.auto ?? false,
          redispatchOnReopen: input.redispatchOnReopen ?? false,
        }),
      );
      const now = this.clock.now();
      await this.changes.applied(
        {
          entity: 'dispatch_rule',
          entityKey: rule.id,
          change: { op: 'create', fields: { ...input } },
          reason: null,
          effectiveFrom: now,
          requestedBy: actor.userId,
          requestedAt: now,
        },
        { before: null, after: rule },
        now,
      );
      await this.audit.record({
        actor,
        action: 'dispatch_rule.created',
        entity: 'dispatch_rule',
        entityId: rule.id,
        after: rule,
      });
      return rule;
    });
    this.reference.invalidate();
    return created;
  }
}

/** A rule written under a name another rule has is a 409 `dispatch_rule.exists` naming `name`. */
export async function nameChecked<T>(name: unknown, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error, 'ux_dispatch_rules_name')) throw error;
    throw new DomainError('dispatch_rule.exists', `A dispatch rule named ${String(name)} exists`, [
      { field: 'name', message: 'is already used by another rule', reason: 'taken' },
    ]);
  }
}
