import { Injectable } from '@nestjs/common';
import { AuditActor, AuditService } from '@hotline/audit';
import { DomainError } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import { checkSlaPolicy, SlaPolicyInput } from './domain/sla-policy-validation';
import type { SlaPolicyEntity } from './entities/sla-policy.entity';
import { ReferenceDataService } from './reference-data.service';
import { SlaPoliciesRepository } from './sla-policies.repository';

/** The SLA policy table: read whole, replaced whole (so it is never half-valid). */
@Injectable()
export class SlaPolicyService {
  constructor(
    private readonly db: TransactionService,
    private readonly policies: SlaPoliciesRepository,
    private readonly reference: ReferenceDataService,
    private readonly audit: AuditService,
  ) {}

  current(): Promise<SlaPolicyEntity[]> {
    return this.policies.all();
  }

  async replace(items: readonly SlaPolicyInput[], actor: AuditActor): Promise<SlaPolicyEntity[]> {
    const replaced = await this.db.run(async () => {
      const facts = await this.reference.facts(
        [],
        items.map((i) => i.categoryCode),
      );
      const problems = checkSlaPolicy(items, (code) => facts.categoryExists(code));
      if (problems.length > 0) throw DomainError.validation(problems);
      await this.policies.lockForReplace();
      const before = await this.policies.all();
      await this.policies.replaceAll(items);
      const after = await this.policies.all();
      await this.audit.record({
        actor,
        action: 'sla_policy.replaced',
        entity: 'sla_policy',
        entityId: 'current',
        before: { items: before },
        after: { items: after },
      });
      return after;
    });
    this.reference.invalidate();
    return replaced;
  }
}
