import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError } from '@hotline/core';
import { checkSlaPolicy, SlaPolicyInput } from './domain/sla-policy-validation';
import { SlaPolicyEntity } from './entities/sla-policy.entity';
import { loadDirectoryFacts } from './directory-facts';
import { ReferenceCache } from './reference-cache';
import { AuditActor, AuditTrail } from '@hotline/audit';

/** The SLA policy table: read whole, replaced whole (so it is never half-valid). */
@Injectable()
export class SlaPolicyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cache: ReferenceCache,
    private readonly audit: AuditTrail,
  ) {}

  async current(): Promise<SlaPolicyEntity[]> {
    return this.dataSource.getRepository(SlaPolicyEntity).find({ order: { urgency: 'ASC', categoryCode: 'ASC' } });
  }

  async replace(items: readonly SlaPolicyInput[], actor: AuditActor): Promise<SlaPolicyEntity[]> {
    const replaced = await this.dataSource.transaction(async (tx) => {
      const facts = await loadDirectoryFacts(
        tx,
        [],
        items.map((i) => i.categoryCode),
      );
      const problems = checkSlaPolicy(items, (code) => facts.categoryExists(code));
      if (problems.length > 0) throw DomainError.validation(problems);
      // Serialises concurrent replacements: the second waits, then replaces the first's result.
      await tx.query(`LOCK TABLE sla_policies IN SHARE ROW EXCLUSIVE MODE`);
      const before = await tx.find(SlaPolicyEntity, { order: { urgency: 'ASC', categoryCode: 'ASC' } });
      await tx.createQueryBuilder().delete().from(SlaPolicyEntity).execute();
      await tx.save(
        items.map((item) => tx.create(SlaPolicyEntity, { ...item, categoryCode: item.categoryCode ?? null })),
      );
      const after = await tx.find(SlaPolicyEntity, { order: { urgency: 'ASC', categoryCode: 'ASC' } });
      await this.audit.record(tx, {
        actor,
        action: 'sla_policy.replaced',
        entity: 'sla_policy',
        entityId: 'current',
        before: { items: before },
        after: { items: after },
      });
      return after;
    });
    this.cache.invalidate();
    return replaced;
  }
}
