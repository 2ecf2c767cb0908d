import { Injectable } from '@nestjs/common';
import { AuditActor } from '@hotline/audit';
import type { SlaPolicyInput } from './domain/sla-policy-validation';
import type { ReferenceChangeEntity } from './entities/reference-change.entity';
import type { SlaPolicyEntity } from './entities/sla-policy.entity';
import { ChangeTerms, ReferenceUpkeepService } from './reference-upkeep.service';
import { SlaPoliciesRepository } from './sla-policies.repository';

/**
 * The SLA policy table: read whole, replaced whole (so it is never half-valid) — at once or from an
 * effective time, each replacement a version of `sla_policy/current` in `reference_changes`.
 */
@Injectable()
export class SlaPolicyService {
  constructor(
    private readonly policies: SlaPoliciesRepository,
    private readonly upkeep: ReferenceUpkeepService,
  ) {}

  current(): Promise<SlaPolicyEntity[]> {
    return this.policies.all();
  }

  /** Replaced now; answers the policy in force. */
  async replace(items: readonly SlaPolicyInput[], actor: AuditActor): Promise<SlaPolicyEntity[]> {
    await this.change(items, {}, actor);
    return this.policies.all();
  }

  /** Replaced now, or scheduled for `terms.effectiveFrom`. */
  change(items: readonly SlaPolicyInput[], terms: ChangeTerms, actor: AuditActor): Promise<ReferenceChangeEntity> {
    return this.upkeep.request(
      { entity: 'sla_policy', entityKey: 'current', op: 'update', fields: { items: [...items] } },
      terms,
      actor,
    );
  }
}
