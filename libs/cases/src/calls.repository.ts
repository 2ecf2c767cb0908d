import { Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import { CallEntity } from './entities/call.entity';
import { CallOutcomeEntity } from './entities/call-outcome.entity';

export interface CallBackQuery extends PageRequest {
  state: 'open' | 'done';
  /** `none`: not held by anyone (a lapsed claim counts as none); a user id: held by that agent. */
  claimedBy?: string;
  claimLapsedBefore: Date;
}

export interface CallBackCounts {
  abandoned: number;
  settled: number;
  decided: number;
  inTime: number;
}

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

  /** Abandoned calls waiting for a call back (`open`, soonest due first) or called back (`done`, latest first). */
  async callBackQueue(query: CallBackQuery): Promise<Page<CallEntity>> {
    const q = this.db.manager
      .createQueryBuilder(CallEntity, 'c')
      .where('c.callBackDueAt IS NOT NULL')
      .andWhere(query.state === 'open' ? 'c.calledBackAt IS NULL' : 'c.calledBackAt IS NOT NULL');
    if (query.claimedBy === 'none') {
      q.andWhere('(c.callBackClaimedBy IS NULL OR c.callBackClaimedAt < :lapsed)', { lapsed: query.claimLapsedBefore });
    } else if (query.claimedBy) {
      q.andWhere('c.callBackClaimedBy = :claimedBy AND c.callBackClaimedAt >= :lapsed', {
        claimedBy: query.claimedBy,
        lapsed: query.claimLapsedBefore,
      });
    }
    q.orderBy(query.state === 'open' ? 'c.callBackDueAt' : 'c.calledBackAt', query.state === 'open' ? 'ASC' : 'DESC')
      .addOrderBy('c.id')
      .take(query.limit)
      .skip(query.offset);
    const [items, total] = await q.getManyAndCount();
    return { items, total };
  }

  /** Open call backs, and how many of them are past due. */
  async openCallBackCounts(now: Date): Promise<{ open: number; overdue: number }> {
    const [row]: { open: string; overdue: string }[] = await this.db.manager.query(
      `SELECT count(*) AS open, count(*) FILTER (WHERE call_back_due_at < $1) AS overdue
         FROM calls WHERE call_back_due_at IS NOT NULL AND called_back_at IS NULL`,
      [now],
    );
    return { open: Number(row?.open ?? 0), overdue: Number(row?.overdue ?? 0) };
  }

  /** A later call from the caller got through: their open call backs are settled by it. */
  async settleCallBacksOf(callerNumber: string, at: Date): Promise<void> {
    await this.db.manager.query(
      `UPDATE calls SET called_back_at = $2, call_back_outcome = 'got_through'
        WHERE caller_number = $1 AND call_back_due_at IS NOT NULL AND called_back_at IS NULL AND abandoned_at <= $2`,
      [callerNumber, at],
    );
  }

  /**
   * Of the calls abandoned since `since`: how many, how many were called back (or got through), how many
   * are decided — settled, or past their due time — and how many were settled in time.
   */
  async callBacksSince(since: Date, now: Date): Promise<CallBackCounts> {
    const [row]: Record<'abandoned' | 'settled' | 'decided' | 'in_time', string>[] = await this.db.manager.query(
      `SELECT count(*) AS abandoned, count(called_back_at) AS settled,
              count(*) FILTER (WHERE called_back_at IS NOT NULL OR call_back_due_at < $2) AS decided,
              count(*) FILTER (WHERE called_back_at <= call_back_due_at) AS in_time
         FROM calls WHERE call_back_due_at IS NOT NULL AND abandoned_at >= $1`,
      [since, now],
    );
    const n = (value: string | undefined) => Number(value ?? 0);
    return {
      abandoned: n(row?.abandoned),
      settled: n(row?.settled),
      decided: n(row?.decided),
      inTime: n(row?.in_time),
    };
  }
}
