import { Injectable } from '@nestjs/common';
import { applyFactEvent, FactEvent } from './domain/case-facts';
import { callbackContributions, RollupDelta, rollupDelta } from './domain/grouping';
import { KpiProjectionRepository } from './kpi-projection.repository';

/**
 * Applies case events to the KPI projection: the case's facts and, in the same transaction, the
 * rollup counts they move. Idempotence comes from the consumer's inbox (processed_events); order
 * from Kafka (one case's events share a partition).
 */
@Injectable()
export class KpiProjectionService {
  constructor(private readonly projection: KpiProjectionRepository) {}

  async apply(event: FactEvent): Promise<void> {
    const before = await this.projection.lockFacts(event.caseId);
    const after = applyFactEvent(before, event);
    if (after && after !== before) {
      await this.projection.saveFacts(after);
      await this.projection.addRollups(toRollupRows(rollupDelta(before, after)));
    }
    await this.projection.addCallbacks(callbackContributions(after, event));
  }
}

function toRollupRows(deltas: readonly RollupDelta[]) {
  return deltas.map(({ delta, state, ...group }) => ({
    ...group,
    hit: state === 'hit' ? delta : 0,
    miss: state === 'miss' ? delta : 0,
    pending: state === 'pending' ? delta : 0,
    open: state === 'open' ? delta : 0,
  }));
}
