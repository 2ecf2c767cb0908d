import { Injectable } from '@nestjs/common';
import { TransactionService } from '@hotline/database';
import { CallEntity } from './entities/call.entity';
import { CallOutcomeEntity } from './entities/call-outcome.entity';

/** Calls answered today, per source hotline. */
export interface CallCounts {
  hotline: string;
  total: number;
  answered: number;
  abandoned: number;
}

/**
 * `calls` and `call_outcomes`: every call that reached the centre, taken by an agent or reported by
 * telephony, and those handed to an emergency line or told their route elsewhere.
 */
@Injectable()
export class CallsRepository {
  constructor(private readonly db: TransactionService) {}

  save(call: Partial<CallEntity>): Promise<CallEntity> {
    return this.db.manager.save(CallEntity, call);
  }

  find(id: string): Promise<CallEntity | null> {
    return this.db.manager.findOneBy(CallEntity, { id });
  }

  /** The call, holding its row lock until the transaction ends (one registration of a call at a time). */
  lock(id: string): Promise<CallEntity | null> {
    return this.db.manager.findOne(CallEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * The telephony system's call, holding a per-call lock until the transaction ends: events of one
   * call, and an agent's POST /calls naming it (externalCallId), apply one at a time.
   */
  async lockByCtiId(ctiCallId: string): Promise<CallEntity | null> {
    await this.db.manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`call:${ctiCallId}`]);
    return this.db.manager.findOneBy(CallEntity, { ctiCallId });
  }

  /** The outcome, or the one already recorded for the same call, kind and target (a retry, a second agent). */
  async recordOutcome(outcome: Omit<CallOutcomeEntity, 'id' | 'call'>): Promise<CallOutcomeEntity> {
    await this.db.manager.createQueryBuilder().insert().into(CallOutcomeEntity).values(outcome).orIgnore().execute();
    return this.db.manager.findOneByOrFail(CallOutcomeEntity, {
      callId: outcome.callId,
      kind: outcome.kind,
      target: outcome.target,
    });
  }

  async update(id: string, changes: Partial<CallEntity>): Promise<void> {
    await this.db.manager.update(CallEntity, { id }, changes);
  }

  async startedSinceByHotline(since: Date): Promise<CallCounts[]> {
    const rows: { hotline: string; total: string; answered: string; abandoned: string }[] = await this.db.manager.query(
      `SELECT source_hotline_code AS hotline, count(*) AS total, count(answered_at) AS answered, count(abandoned_at) AS abandoned
           FROM calls WHERE started_at >= $1 GROUP BY 1`,
      [since],
    );
    return rows.map((r) => ({
      hotline: r.hotline,
      total: Number(r.total),
      answered: Number(r.answered),
      abandoned: Number(r.abandoned),
    }));
  }
}
