import { Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import { DispatchRuleEntity } from './entities/dispatch-rule.entity';

/** `dispatch_rules`: the dispatch catalogue, in the order rules are tried. */
@Injectable()
export class DispatchRulesRepository {
  constructor(private readonly db: TransactionService) {}

  async page({ limit, offset }: PageRequest): Promise<Page<DispatchRuleEntity>> {
    const [items, total] = await this.db.manager.findAndCount(DispatchRuleEntity, {
      order: { priority: 'ASC', name: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items, total };
  }

  lock(id: string): Promise<DispatchRuleEntity | null> {
    return this.db.manager.findOne(DispatchRuleEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Every rule, active or not, in the order they are tried. */
  all(): Promise<DispatchRuleEntity[]> {
    return this.db.manager.find(DispatchRuleEntity, { order: { priority: 'ASC', name: 'ASC' } });
  }

  /** A unique-name violation (`ux_dispatch_rules_name`) reaches the caller as thrown. */
  async update(id: string, fields: Partial<DispatchRuleEntity>): Promise<DispatchRuleEntity> {
    await this.db.manager.update(DispatchRuleEntity, { id }, fields);
    return (await this.db.manager.findOne(DispatchRuleEntity, { where: { id } }))!;
  }

  /** A unique-name violation (`ux_dispatch_rules_name`) reaches the caller as thrown. */
  insert(rule: Omit<DispatchRuleEntity, 'id' | 'active' | 'createdAt' | 'updatedAt'>): Promise<DispatchRuleEntity> {
    return this.db.manager.save(this.db.manager.create(DispatchRuleEntity, rule));
  }
}
