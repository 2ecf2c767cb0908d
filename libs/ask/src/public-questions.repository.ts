import { Injectable } from '@nestjs/common';
import { TransactionService } from '@hotline/database';
import type { Page, PageRequest } from '@hotline/core';
import { PublicQuestionEntity } from './entities/public-question.entity';

export type NewPublicQuestion = Omit<PublicQuestionEntity, 'id' | 'helpful' | 'demandCaseId'>;

export interface PublicQuestionFilter extends PageRequest {
  from: Date;
  to: Date;
  /** Only those the desk was (not) confident about. */
  confident?: boolean;
  /** Only those the asker said did (not) help. */
  helpful?: boolean;
}

/** `public_questions`: what the after-hours desk was asked and what it offered. */
@Injectable()
export class PublicQuestionsRepository {
  constructor(private readonly db: TransactionService) {}

  private get rows() {
    return this.db.manager.getRepository(PublicQuestionEntity);
  }

  insert(question: NewPublicQuestion): Promise<PublicQuestionEntity> {
    return this.rows.save(this.rows.create({ ...question, helpful: null, demandCaseId: null }));
  }

  /** Locked for the asker's follow-up (a verdict, a demand), so two follow-ups apply one after the other. */
  lock(id: string): Promise<PublicQuestionEntity | null> {
    return this.rows.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(id: string, change: Partial<Pick<PublicQuestionEntity, 'helpful' | 'demandCaseId'>>): Promise<void> {
    await this.rows.update({ id }, change);
  }

  async list(filter: PublicQuestionFilter): Promise<Page<PublicQuestionEntity>> {
    const query = this.rows
      .createQueryBuilder('q')
      .where('q.asked_at >= :from AND q.asked_at < :to', { from: filter.from, to: filter.to });
    if (filter.confident !== undefined) query.andWhere('q.confident = :confident', { confident: filter.confident });
    if (filter.helpful !== undefined) query.andWhere('q.helpful = :helpful', { helpful: filter.helpful });
    const [items, total] = await query
      .orderBy('q.asked_at', 'DESC')
      .addOrderBy('q.id', 'ASC')
      .take(filter.limit)
      .skip(filter.offset)
      .getManyAndCount();
    return { items, total };
  }
}
