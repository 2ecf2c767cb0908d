import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { instant } from '@hotline/clock';
import { applyFactEvent, CaseFacts, FactEvent } from './domain/case-facts';
import { callbackContributions, contributions } from './domain/grouping';
import { KpiCaseFactEntity } from './entities/kpi-case-fact.entity';
import { KpiProjection } from './kpi-projection.service';
import { RollupTally } from './domain/rollup-tally';

const PAGE = 5000;
/** 24 columns a row: 1000 rows stay under PostgreSQL's 65,535 parameters. */
const FACTS_PER_INSERT = 1000;
const ROLLUPS_PER_INSERT = 5000;

/**
 * Rebuilds the KPI projection from scratch (`npm run kpi:rebuild`): the same fold and the same
 * rollup contributions as the live projector, so the result is the same. Run it with the worker's
 * kpi-projector stopped: events it applies meanwhile would be counted twice.
 */
@Injectable()
export class KpiRebuild {
  private readonly logger = new Logger(KpiRebuild.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly projection: KpiProjection,
  ) {}

  /** From the stored event log (case_events), in one transaction. */
  async rebuild(): Promise<{ cases: number; events: number }> {
    return this.dataSource.transaction(async (tx) => {
      const result = await this.rebuildFrom(tx, storedEvents(tx));
      this.logger.log(`KPI projection rebuilt: ${result.cases} cases from ${result.events} events`);
      return result;
    });
  }

  /**
   * From any source of case events grouped by case, each case's in order. Facts are written in
   * batches and the rollups summed in memory, then written at the end: millions of cases take
   * minutes, not one round trip per case.
   */
  async rebuildFrom(tx: EntityManager, source: AsyncIterable<FactEvent>): Promise<{ cases: number; events: number }> {
    for (const table of ['kpi_case_facts', 'kpi_rollups', 'kpi_callback_rollups'])
      await tx.query(`DELETE FROM ${table}`);
    const tally = new RollupTally();
    let batch: CaseFacts[] = [];
    let cases = 0;
    let events = 0;
    const writeFacts = async () => {
      if (batch.length) await tx.insert(KpiCaseFactEntity, batch);
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
    for (const rows of chunks(tally.rollups(), ROLLUPS_PER_INSERT)) await this.projection.addRollups(tx, rows);
    for (const rows of chunks(tally.callbackRollups(), ROLLUPS_PER_INSERT))
      await this.projection.addCallbacks(tx, rows);
    return { cases, events };
  }
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** case_events, case by case in seq order, a page at a time (keyset, so it scales to millions). */
async function* storedEvents(tx: EntityManager): AsyncIterable<FactEvent> {
  let after = { caseId: '00000000-0000-0000-0000-000000000000', seq: 0 };
  for (;;) {
    const rows: {
      case_id: string;
      seq: number;
      type: string;
      occurred_at: Date;
      case_number: string;
      data: Record<string, unknown>;
      after: Record<string, unknown> | null;
    }[] = await tx.query(
      `SELECT e.case_id, e.seq, e.type, e.occurred_at, c.case_number, e.data, e.after
         FROM case_events e JOIN cases c ON c.id = e.case_id
        WHERE (e.case_id, e.seq) > ($1, $2) ORDER BY e.case_id, e.seq LIMIT ${PAGE}`,
      [after.caseId, after.seq],
    );
    if (rows.length === 0) return;
    for (const row of rows) {
      yield {
        name: row.type,
        time: instant(row.occurred_at),
        caseId: row.case_id,
        caseNumber: row.case_number,
        // On Kafka, `before`/`after` travel inside data; in case_events they are columns.
        data: { ...row.data, ...(row.after ? { after: row.after } : {}) },
      };
    }
    after = { caseId: rows.at(-1)!.case_id, seq: rows.at(-1)!.seq };
  }
}
