import { Injectable, Logger } from '@nestjs/common';
import { CaseQueriesService, type StoredCaseEvent } from '@hotline/cases';
import { TransactionService } from '@hotline/database';
import { applyFactEvent, CaseFacts, FactEvent } from './domain/case-facts';
import { callbackContributions, contributions } from './domain/grouping';
import { RollupTally } from './domain/rollup-tally';
import { KpiProjectionRepository } from './kpi-projection.repository';

/** 25 columns a row: 1000 rows stay under PostgreSQL's 65,535 parameters. */
const FACTS_PER_INSERT = 1000;
const ROLLUPS_PER_INSERT = 5000;

/**
 * Rebuilds the KPI projection from scratch (`npm run kpi:rebuild`): the same fold and the same
 * rollup contributions as the live projector, so the result is the same. Run it with the worker's
 * kpi-projector stopped: events it applies meanwhile would be counted twice.
 */
@Injectable()
export class KpiRebuildService {
  private readonly logger = new Logger(KpiRebuildService.name);

  constructor(
    private readonly db: TransactionService,
    private readonly projection: KpiProjectionRepository,
    private readonly cases: CaseQueriesService,
  ) {}

  /** From the stored event log (case_events), in one transaction. */
  async rebuild(): Promise<{ cases: number; events: number }> {
    const result = await this.rebuildFrom(factEvents(this.cases.allEvents()));
    this.logger.log(`KPI projection rebuilt: ${result.cases} cases from ${result.events} events`);
    return result;
  }

  /**
   * From any source of case events grouped by case, each case's in order, in one transaction.
   * Facts are written in batches and the rollups summed in memory, then written at the end:
   * millions of cases take minutes, not one round trip per case.
   */
  rebuildFrom(source: AsyncIterable<FactEvent>): Promise<{ cases: number; events: number }> {
    return this.db.run(async () => {
      await this.projection.clear();
      const tally = new RollupTally();
      let batch: CaseFacts[] = [];
      let cases = 0;
      let events = 0;
      const writeFacts = async () => {
        await this.projection.insertFacts(batch);
        batch = [];
      };
      const finish = async (facts: CaseFacts | null) => {
        if (!facts) return;
        cases++;
        tally.add(contributions(facts));
        batch.push(facts);
        if (batch.length === FACTS_PER_INSERT) await writeFacts();
      };
      let current: CaseFacts | null = null;
      let currentId: string | null = null;
      for await (const event of source) {
        if (currentId !== event.caseId) {
          await finish(current);
          current = null;
          currentId = event.caseId;
        }
        current = applyFactEvent(current, event);
        tally.addCallbacks(callbackContributions(current, event));
        events++;
      }
      await finish(current);
      await writeFacts();
      for (const rows of chunks(tally.rollups(), ROLLUPS_PER_INSERT)) await this.projection.addRollups(rows);
      for (const rows of chunks(tally.callbackRollups(), ROLLUPS_PER_INSERT)) await this.projection.addCallbacks(rows);
      return { cases, events };
    });
  }
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Stored events as the fold reads them: on Kafka `before`/`after` travel inside data; in case_events they are columns. */
async function* factEvents(stored: AsyncIterable<StoredCaseEvent>): AsyncIterable<FactEvent> {
  for await (const e of stored) {
    yield {
      name: e.type,
      time: e.occurredAt,
      caseId: e.caseId,
      caseNumber: e.caseNumber,
      data: { ...e.data, ...(e.after ? { after: e.after } : {}) },
    };
  }
}
