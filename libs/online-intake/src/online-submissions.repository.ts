import { Injectable } from '@nestjs/common';
import { TransactionService } from '@hotline/database';
import type { Page, PageRequest } from '@hotline/core';
import { OnlineSubmissionEntity } from './entities/online-submission.entity';
import type { SubmissionChannel, SubmissionStatus } from './domain/online-submission-rules';

export type NewSubmissionRow = Omit<
  OnlineSubmissionEntity,
  'id' | 'case' | 'status' | 'caseId' | 'reply' | 'decidedAt' | 'decidedBy'
>;

export interface SubmissionFilter {
  status?: SubmissionStatus;
  channel?: SubmissionChannel;
  /** A citizen's own submissions. */
  phone?: string;
  since?: Date;
  until?: Date;
}

/** Waiting submissions and decisions today, for the live figures. */
export interface QueueCounts {
  waiting: number;
  overdue: number;
  decidedToday: number;
  decidedInTimeToday: number;
}

/** `online_submissions`: online demands waiting for an agent, and what became of them. */
@Injectable()
export class OnlineSubmissionsRepository {
  constructor(private readonly db: TransactionService) {}

  insert(row: NewSubmissionRow): Promise<OnlineSubmissionEntity> {
    return this.db.manager.save(OnlineSubmissionEntity, { ...row, status: 'waiting' as const });
  }

  find(id: string): Promise<OnlineSubmissionEntity | null> {
    return this.db.manager.findOneBy(OnlineSubmissionEntity, { id });
  }

  findMany(ids: readonly string[], channel: SubmissionChannel): Promise<OnlineSubmissionEntity[]> {
    return this.db.manager
      .createQueryBuilder(OnlineSubmissionEntity, 's')
      .where('s.id = ANY(:ids::uuid[]) AND s.channel = :channel', { ids, channel })
      .orderBy('s.submittedAt', 'DESC')
      .getMany();
  }

  /** The submission under its row lock until the transaction ends: one decision at a time. */
  lock(id: string): Promise<OnlineSubmissionEntity | null> {
    return this.db.manager.findOne(OnlineSubmissionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The submission accepted as this case, if it came in online. */
  async acceptedAs(caseId: string): Promise<string | null> {
    const found = await this.db.manager.findOne(OnlineSubmissionEntity, { where: { caseId }, select: { id: true } });
    return found?.id ?? null;
  }

  async decide(
    id: string,
    decision: Pick<OnlineSubmissionEntity, 'status' | 'caseId' | 'reply' | 'decidedAt' | 'decidedBy'>,
  ): Promise<OnlineSubmissionEntity> {
    await this.db.manager.update(OnlineSubmissionEntity, { id }, decision);
    return this.db.manager.findOneByOrFail(OnlineSubmissionEntity, { id });
  }

  /** Submissions of one status, the soonest due first (the queue), or the newest first otherwise. */
  async list(filter: SubmissionFilter, page: PageRequest): Promise<Page<OnlineSubmissionEntity>> {
    const query = this.db.manager.createQueryBuilder(OnlineSubmissionEntity, 's');
    if (filter.status) query.andWhere('s.status = :status', { status: filter.status });
    if (filter.channel) query.andWhere('s.channel = :channel', { channel: filter.channel });
    if (filter.phone) query.andWhere('s.phone = :phone', { phone: filter.phone });
    if (filter.since) query.andWhere('s.submittedAt >= :since', { since: filter.since });
    if (filter.until) query.andWhere('s.submittedAt < :until', { until: filter.until });
    query.orderBy(
      filter.status === 'waiting' ? 's.acceptDueAt' : 's.submittedAt',
      filter.status === 'waiting' ? 'ASC' : 'DESC',
    );
    const [items, total] = await query.addOrderBy('s.id').skip(page.offset).take(page.limit).getManyAndCount();
    return { items, total };
  }

  async counts(now: Date, dayStart: Date): Promise<QueueCounts> {
    const [row]: Record<keyof QueueCounts, string>[] = await this.db.manager.query(
      `SELECT count(*) FILTER (WHERE status = 'waiting') AS waiting,
              count(*) FILTER (WHERE status = 'waiting' AND accept_due_at < $1) AS overdue,
              count(*) FILTER (WHERE status <> 'waiting' AND decided_at >= $2) AS "decidedToday",
              count(*) FILTER (WHERE status <> 'waiting' AND decided_at >= $2 AND decided_at <= accept_due_at)
                AS "decidedInTimeToday"
         FROM online_submissions WHERE status = 'waiting' OR decided_at >= $2`,
      [now, dayStart],
    );
    return {
      waiting: Number(row.waiting),
      overdue: Number(row.overdue),
      decidedToday: Number(row.decidedToday),
      decidedInTimeToday: Number(row.decidedInTimeToday),
    };
  }
}
