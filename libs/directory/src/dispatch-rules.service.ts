import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError, Page } from '@hotline/core';
import { isUniqueViolation } from '@hotline/database';
import { checkDispatchRule, DispatchRuleInput } from './domain/dispatch-rule-validation';
import { DispatchRuleEntity } from './entities/dispatch-rule.entity';
import { loadDirectoryFacts } from './directory-facts';
import { ReferenceCache } from './reference-cache';
import { AuditActor, AuditTrail } from '@hotline/audit';

/** The dispatch catalogue: rules in priority order, added by admins. */
@Injectable()
export class DispatchRulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cache: ReferenceCache,
    private readonly audit: AuditTrail,
  ) {}

  async list({ limit, offset }: { limit: number; offset: number }): Promise<Page<DispatchRuleEntity>> {
    const [items, total] = await this.dataSource
      .getRepository(DispatchRuleEntity)
      .findAndCount({ order: { priority: 'ASC', name: 'ASC' }, take: limit, skip: offset });
    return { items, total };
  }

  async create(input: DispatchRuleInput, actor: AuditActor): Promise<DispatchRuleEntity> {
    const created = await this.dataSource.transaction(async (tx) => {
      const facts = await loadDirectoryFacts(
        tx,
        [input.districtCode, input.streetCode, input.leadUnitCode, ...(input.coUnitCodes ?? [])],
        [input.categoryCode],
      );
      const problems = checkDispatchRule(input, facts);
      if (problems.length > 0) throw DomainError.validation(problems);
      try {
        const rule = await tx.save(
          tx.create(DispatchRuleEntity, {
            ...input,
            districtCode: input.districtCode ?? null,
            streetCode: input.streetCode ?? null,
            leadUnitCode: input.leadUnitCode ?? null,
            coUnitCodes: [...(input.coUnitCodes ?? [])],
            auto: input.auto ?? false,
          }),
        );
        await this.audit.record(tx, {
          actor,
          action: 'dispatch_rule.created',
          entity: 'dispatch_rule',
          entityId: rule.id,
          after: rule,
        });
        return rule;
      } catch (error) {
        if (isUniqueViolation(error, 'ux_dispatch_rules_name')) {
          throw new DomainError('ALREADY_EXISTS', `A dispatch rule named ${input.name} exists`, [
            { field: 'name', message: 'is already used by another rule' },
          ]);
        }
        throw error;
      }
    });
    this.cache.invalidate();
    return created;
  }
}
