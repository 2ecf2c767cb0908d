import { Injectable } from '@nestjs/common';
import { TransactionService } from '@hotline/database';
import type { SlaPolicyInput } from './domain/sla-policy-validation';
import { SlaPolicyEntity } from './entities/sla-policy.entity';

/** `sla_policies`: the SLA table, read and replaced whole. */
@Injectable()
export class SlaPoliciesRepository {
  constructor(private readonly db: TransactionService) {}

  all(): Promise<SlaPolicyEntity[]> {
    return this.db.manager.find(SlaPolicyEntity, { order: { urgency: 'ASC', categoryCode: 'ASC' } });
  }

  /** Serialises concurrent replacements until the transaction ends: the second waits for the first. */
  async lockForReplace(): Promise<void> {
    await this.db.manager.query(`LOCK TABLE sla_policies IN SHARE ROW EXCLUSIVE MODE`);
  }

  /** Replaces every row (call it in a transaction, after lockForReplace). */
  async replaceAll(items: readonly SlaPolicyInput[]): Promise<void> {
    const m = this.db.manager;
    await m.createQueryBuilder().delete().from(SlaPolicyEntity).execute();
    await m.save(
      items.map((item) =>
        m.create(SlaPolicyEntity, {
          ...item,
          categoryCode: item.categoryCode ?? null,
          reviewResult: item.reviewResult ?? false,
        }),
      ),
    );
  }
}
