import { Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import type { FlagStatus } from './domain/knowledge-flags';
import { KnowledgeFlagEntity } from './entities/knowledge-flag.entity';

export interface FlagFilter {
  ownerUnitCode: string | null;
  status: FlagStatus | null;
}

export interface ReviewDue {
  id: string;
  version: number;
  title: string;
  ownerUnitCode: string;
  reviewBy: string;
}

/** `knowledge_flags`: inserted open, resolved under the row lock; and the entries due for review. */
@Injectable()
export class KnowledgeFlagsRepository {
  constructor(private readonly db: TransactionService) {}

  insert(flag: Omit<KnowledgeFlagEntity, 'id' | 'entry' | 'ownerUnit'>): Promise<KnowledgeFlagEntity> {
    return this.db.manager.save(this.db.manager.create(KnowledgeFlagEntity, flag));
  }

  lock(id: string): Promise<KnowledgeFlagEntity | null> {
    return this.db.manager
      .createQueryBuilder(KnowledgeFlagEntity, 'f')
      .where('f.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  async resolve(
    id: string,
    change: Pick<KnowledgeFlagEntity, 'resolvedBy' | 'resolvedAt' | 'resolution'>,
  ): Promise<void> {
    await this.db.manager.update(KnowledgeFlagEntity, { id }, { ...change, status: 'resolved' });
  }

  async list(filter: FlagFilter, page: PageRequest): Promise<Page<KnowledgeFlagEntity>> {
    const where = {
      ...(filter.ownerUnitCode ? { ownerUnitCode: filter.ownerUnitCode } : {}),
      ...(filter.status ? { status: filter.status } : {}),
    };
    const [items, total] = await this.db.manager.findAndCount(KnowledgeFlagEntity, {
      where,
      order: { flaggedAt: 'DESC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items, total };
  }

  /** Published entries whose published version's review-by day is before `today`, oldest first. */
  async reviewDue(today: string, ownerUnitCode: string | null, page: PageRequest): Promise<Page<ReviewDue>> {
    const rows: (ReviewDue & { total: number })[] = await this.db.manager.query(
      `SELECT e.id, v.version, v.title, e.owner_unit_code AS "ownerUnitCode", v.review_by::text AS "reviewBy",
              count(*) OVER ()::int AS total
         FROM knowledge_entries e
         JOIN knowledge_entry_versions v ON v.entry_id = e.id AND v.version = e.published_version
        WHERE e.status = 'published' AND v.review_by < $1::date
          AND ($2::text IS NULL OR e.owner_unit_code = $2::text)
        ORDER BY v.review_by, e.id LIMIT $3 OFFSET $4`,
      [today, ownerUnitCode, page.limit, page.offset],
    );
    return { items: rows.map(({ total: _, ...r }) => r), total: rows[0]?.total ?? 0 };
  }
}
