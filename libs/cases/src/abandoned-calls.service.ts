import { Injectable } from '@nestjs/common';
import { Clock } from '@hotline/clock';
import { DomainError, Page, PageRequest } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import { type CallBackCounts, CallsRepository } from './calls.repository';
import { CasesRepository } from './cases.repository';
import type { Actor } from './domain/actor';
import { assertCanCallBack } from './domain/abandoned-calls';
import { claimLapsedBefore } from './domain/claims';
import type { CallEntity } from './entities/call.entity';

export interface CallBackFilter extends PageRequest {
  state: 'open' | 'done';
  claimed?: 'me' | 'none';
}

export interface CallBackRecord {
  outcome: 'reached' | 'unreachable';
  /** The case the call back registered or found, when there was one. */
  caseId?: string;
}

/**
 * 漏接回拨 (docs/product.md, "Calling back abandoned calls"): the queue of abandoned calls, claimed by one
 * agent at a time, called back and recorded; a later call that got through settles the earlier ones.
 */
@Injectable()
export class AbandonedCallsService {
  constructor(
    private readonly db: TransactionService,
    private readonly calls: CallsRepository,
    private readonly cases: CasesRepository,
    private readonly clock: Clock,
  ) {}

  async queue(filter: CallBackFilter, viewer: Actor): Promise<Page<CallEntity> & { open: number; overdue: number }> {
    const now = this.clock.now();
    const claimedBy = filter.claimed === 'me' ? (viewer.userId ?? undefined) : filter.claimed;
    const page = await this.calls.callBackQueue({
      ...filter,
      claimedBy,
      claimLapsedBefore: claimLapsedBefore(now),
    });
    return { ...page, ...(await this.openCounts()) };
  }

  /** Open call backs, and how many are past due. */
  openCounts(): Promise<{ open: number; overdue: number }> {
    return this.calls.openCallBackCounts(this.clock.now());
  }

  claim(callId: string, agent: Actor): Promise<CallEntity> {
    return this.onCall(callId, agent, (now) => ({ callBackClaimedBy: agent.userId, callBackClaimedAt: now }));
  }

  async record(callId: string, record: CallBackRecord, agent: Actor): Promise<CallEntity> {
    if (record.caseId && (await this.cases.unitCodesOf(record.caseId)) === null) {
      throw DomainError.invalidField('caseId', 'is not a known case', 'unknown_case');
    }
    return this.onCall(callId, agent, (now) => ({
      calledBackAt: now,
      calledBackBy: agent.userId,
      callBackOutcome: record.outcome,
      ...(record.caseId ? { caseId: record.caseId } : {}),
    }));
  }

  private onCall(callId: string, agent: Actor, change: (now: Date) => Partial<CallEntity>): Promise<CallEntity> {
    return this.db.run(async () => {
      const call = await this.calls.lock(callId);
      if (!call) throw new DomainError('call.not_found', `Call ${callId} not found`);
      const now = this.clock.now();
      assertCanCallBack(call, agent.userId, now);
      const changes = change(now);
      await this.calls.update(call.id, changes);
      return { ...call, ...changes };
    });
  }

  /** Of the calls abandoned since `since`: settled, decided, in time (the live figures). */
  since(since: Date): Promise<CallBackCounts> {
    return this.calls.callBacksSince(since, this.clock.now());
  }
}
