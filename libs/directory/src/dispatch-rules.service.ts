import { Injectable } from '@nestjs/common';
import { AuditActor, AuditService } from '@hotline/audit';
import { Clock } from '@hotline/clock';
import { DomainError, Page, PageRequest } from '@hotline/core';
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

  async create(input: DispatchRuleInput, actor: AuditActor): Promise<DispatchRuleEntity> {
    const created = await this.db.run(async () => {
      const facts = await this.reference.facts(
        [input.districtCode, input.streetCode, input.leadUnitCode, ...(input.coUnitCodes ?? [])],
        [input.categoryCode],
      );
      const problems = checkDispatchRule(input, facts);
      if (problems.length > 0) throw DomainError.validation(problems);
      try {
        const rule = await this.rules.insert({
          ...input,
          districtCode: input.districtCode ?? null,
          streetCode: input.streetCode ?? null,
          leadUnitCode: input.leadUnitCode ?? null,
          coUnitCodes: [...(input.coUnitCodes ?? [])],
          auto: input.auto ?? false,
          redispatchOnReopen: input.redispatchOnReopen ?? false,
        });
        const now = this.clock.now();
        const asked = { op: 'create' as const, fields: { ...input } };
        await this.changes.applied(
          {
            entity: 'dispatch_rule',
            entityKey: rule.id,
            change: asked,
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
      } catch (error) {
        if (isUniqueViolation(error, 'ux_dispatch_rules_name')) {
          throw new DomainError('dispatch_rule.exists', `A dispatch rule named ${input.name} exists`, [
            { field: 'name', message: 'is already used by another rule', reason: 'taken' },
          ]);
        }
        throw error;
      }
    });
    this.reference.invalidate();
    return created;
  }
}
