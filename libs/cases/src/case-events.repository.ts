import { Injectable } from '@nestjs/common';
import { instant } from '@hotline/clock';
import { TransactionService } from '@hotline/database';
import { CaseEventEntity } from './entities/case-event.entity';

/** One row of a case's timeline, numbered on from the case's last event (`ord` = 1, 2 … within the batch). */
export interface NewCaseEventRow {
  id: string;
  caseId: string;
  ord: number;
  type: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorRole: string;
  actorUnitCode: string | null;
  before: object | null;
  after: object | null;
  data: object;
}

/** A stored event, case by case in order, as a projection rebuild reads it. */
export interface StoredCaseEvent {
  caseId: string;
  caseNumber: string;
  seq: number;
  type: string;
  occurredAt: Date;
  data: Record<string, unknown>;
  after: Record<string, unknown> | null;
}

/** `case_events`: the append-only timeline (a trigger refuses UPDATE and DELETE). */
@Injectable()
export class CaseEventsRepository {
  constructor(private readonly db: TransactionService) {}

  /**
   * Appends any number of events in one statement. Callers hold the cases' row locks, so no two
   * writers take the same sequence numbers.
   */
  async append(rows: readonly NewCaseEventRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.manager.query(
      `INSERT INTO case_events (id, case_id, seq, type, occurred_at, actor_user_id, actor_role, actor_unit_code, before, after, data)
       SELECT v.id, v.case_id, coalesce(m.last, 0) + v.ord, v.type, v.occurred_at, v.actor_user_id, v.actor_role,
              v.actor_unit_code, v.before, v.after, v.data
         FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, case_id uuid, ord int, type text, occurred_at timestamptz,
              actor_user_id uuid, actor_role text, actor_unit_code text, before jsonb, after jsonb, data jsonb)
         LEFT JOIN LATERAL (SELECT max(seq) AS last FROM case_events e WHERE e.case_id = v.case_id) m ON true`,
      [
        JSON.stringify(
          rows.map((r) => ({
            id: r.id,
            case_id: r.caseId,
            ord: r.ord,
            type: r.type,
            occurred_at: r.occurredAt.toISOString(),
            actor_user_id: r.actorUserId,
            actor_role: r.actorRole,
            actor_unit_code: r.actorUnitCode,
            before: r.before,
            after: r.after,
            data: r.data,
          })),
        ),
      ],
    );
  }

  forCase(caseId: string): Promise<CaseEventEntity[]> {
    return this.db.manager.find(CaseEventEntity, { where: { caseId }, order: { seq: 'ASC' } });
  }

  /** Every stored event, case by case in seq order, a page at a time (keyset, so it scales to millions). */
  async *all(pageSize = 5000): AsyncIterable<StoredCaseEvent> {
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
      }[] = await this.db.manager.query(
        `SELECT e.case_id, e.seq, e.type, e.occurred_at, c.case_number, e.data, e.after
           FROM case_events e JOIN cases c ON c.id = e.case_id
          WHERE (e.case_id, e.seq) > ($1, $2) ORDER BY e.case_id, e.seq LIMIT $3`,
        [after.caseId, after.seq, pageSize],
      );
      if (rows.length === 0) return;
      for (const row of rows) {
        yield {
          caseId: row.case_id,
          caseNumber: row.case_number,
          seq: row.seq,
          type: row.type,
          occurredAt: instant(row.occurred_at),
          data: row.data,
          after: row.after,
        };
      }
      after = { caseId: rows.at(-1)!.case_id, seq: rows.at(-1)!.seq };
    }
  }
}
