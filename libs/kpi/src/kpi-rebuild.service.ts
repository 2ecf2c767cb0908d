import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { applyFactEvent, CaseFacts, FactEvent } from './domain/case-facts';
import { contributions } from './domain/grouping';
import { KpiCaseFactEntity } from './entities/kpi-case-fact.entity';
import { KpiProjection } from './kpi-projection.service';

const PAGE = 5000;

/**
 * Rebuilds the KPI projection from scratch out of the stored case events (`npm run kpi:rebuild`):
 * the same fold and the same rollup contributions as the live projector, so the result is the same.
 */
@Injectable()
export class KpiRebuild {
  private readonly logger = new Logger(KpiRebuild.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly projection: KpiProjection,
  ) {}

  async rebuild(): Promise<{ cases: number; events: number }> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('TRUNCATE kpi_case_facts, kpi_rollups, kpi_callback_rollups');
      let after = { caseId: '00000000-0000-0000-0000-000000000000', seq: 0 };
      let current: CaseFacts | null = null;
      let cases = 0;
      let events = 0;
      const flush = async (facts: CaseFacts | null) => {
        if (!facts) return;
        cases++;
        await tx.upsert(KpiCaseFactEntity, { ...facts }, ['caseId']);
        await this.projection.applyDelta(
          tx,
          contributions(facts).map((c) => ({ ...c, delta: 1 })),
        );
      };
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
        if (rows.length === 0) break;
        for (const row of rows) {
          if (current && current.caseId !== row.case_id) {
            await flush(current);
            current = null;
          }
          const event: FactEvent = {
            name: row.type,
            time: new Date(row.occurred_at),
            caseId: row.case_id,
            caseNumber: row.case_number,
            data: { ...row.data, ...(row.after ? { after: row.after } : {}) },
          };
          const next = applyFactEvent(current, event);
          if (next?.firstCall && event.name === 'callback_recorded' && event.data.reached === true) {
            await this.projection.addCallback(tx, next, event);
          }
          current = next;
          events++;
        }
        after = { caseId: rows.at(-1)!.case_id, seq: rows.at(-1)!.seq };
      }
      await flush(current);
      this.logger.log(`KPI projection rebuilt: ${cases} cases from ${events} events`);
      return { cases, events };
    });
  }
}
