import { Injectable } from '@nestjs/common';
import { In, type SelectQueryBuilder } from 'typeorm';
import { DomainError, type Page } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import type { Urgency } from '@hotline/directory';
import {
  ACTIVE_ORDER_STATUSES,
  type CaseStatus,
  FINISHED_STATUSES,
  type RequesterKind,
} from './domain/case-vocabulary';
import { caseSearchDocumentSql, caseSearchOf, caseSearchTexts } from './case-search';
import { byRelevance, CASE_SEARCH_NEWEST } from './domain/case-search-ranking';
import { changesUnits, withAssignedUnits } from './domain/case-scope';
import { CaseEntity } from './entities/case.entity';

export interface CaseFilter {
  status?: CaseStatus;
  /** Cases on which this unit holds an active order (lead or co-handler). */
  unitCode?: string;
  districtCode?: string;
  streetCode?: string;
  hotline?: string;
  categoryCode?: string;
  urgency?: Urgency;
  from?: Date;
  to?: Date;
  q?: string;
  callerPhone?: string;
  limit: number;
  offset: number;
}

/**
 * The caller's open case on the same matter: same caller, category and place, registered since — and the
 * same requester (a citizen's own, or the same company's, equally sensitive: docs/decisions.md, issue 12).
 */
export interface RepeatLookup {
  callerPhone: string;
  categoryCode: string;
  districtCode: string;
  streetCode: string | null;
  requesterKind: RequesterKind;
  companyCreditCode: string | null;
  sensitive: boolean;
  since: Date;
}

/** `cases`: one row per demand, changed only under its row lock with the optimistic version check. */
@Injectable()
export class CasesRepository {
  constructor(private readonly db: TransactionService) {}

  async get(id: string): Promise<CaseEntity> {
    const found = await this.db.manager.findOneBy(CaseEntity, { id });
    if (!found) throw notFound(id);
    return found;
  }

  byNumber(caseNumber: string): Promise<CaseEntity | null> {
    return this.db.manager.findOneBy(CaseEntity, { caseNumber });
  }

  /** Loads the case and holds its row lock until the transaction ends. */
  async lock(id: string): Promise<CaseEntity> {
    const found = await this.db.manager
      .createQueryBuilder(CaseEntity, 'c')
      .where('c.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!found) throw notFound(id);
    return found;
  }

  /** Locks the cases in id order, so two batch writers never deadlock each other. */
  lockMany(ids: readonly string[]): Promise<CaseEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.manager
      .createQueryBuilder(CaseEntity, 'c')
      .where('c.id IN (:...ids)', { ids: [...new Set(ids)] })
      .orderBy('c.id')
      .setLock('pessimistic_write')
      .getMany();
  }

  /** With its search document, cut from the description and the address (a corrected address re-cuts it in `update`). */
  async insert(row: CaseEntity): Promise<void> {
    const texts = caseSearchTexts(row);
    await this.db.manager
      .createQueryBuilder()
      .insert()
      .into(CaseEntity)
      .values({ ...row, searchDocument: () => caseSearchDocumentSql(':searchB', ':searchC') })
      .setParameters({ searchB: texts.B, searchC: texts.C })
      .execute();
  }

  /**
   * One batch of `npm run cases:reindex`: up to `limit` cases after `afterId` (id order) without a search
   * document, locked with SKIP LOCKED (a case an action holds is left for a later pass), filled. Returns
   * the last id looked at, or null when none was left after `afterId`.
   */
  async fillSearchDocuments(afterId: string | null, limit: number): Promise<{ lastId: string | null; filled: number }> {
    return this.db.run(async () => {
      const rows: { id: string; description: string; address: string }[] = await this.db.manager.query(
        `SELECT id, description, address FROM cases
          WHERE search_document IS NULL AND ($1::uuid IS NULL OR id > $1::uuid)
          ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [afterId, limit],
      );
      if (rows.length === 0) return { lastId: null, filled: 0 };
      const texts = rows.map((r) => caseSearchTexts(r));
      await this.db.manager.query(
        `UPDATE cases c SET search_document = ${caseSearchDocumentSql('u.b', 'u.c')}
           FROM unnest($1::uuid[], $2::text[], $3::text[]) AS u(id, b, c) WHERE c.id = u.id`,
        [rows.map((r) => r.id), texts.map((t) => t.B), texts.map((t) => t.C)],
      );
      return { lastId: rows[rows.length - 1].id, filled: rows.length };
    });
  }

  /**
   * Applies `changes` if nobody changed the case since `loaded` was read; returns the new row.
   * Whenever the lead or the co-handlers change, they join the units that may see the case.
   */
  async update(loaded: CaseEntity, changes: Partial<CaseEntity>): Promise<CaseEntity> {
    const full = withUnits(loaded, changes);
    const result = await this.db.manager
      .createQueryBuilder()
      .update(CaseEntity)
      .set({ ...full, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id: loaded.id, version: loaded.version })
      .returning('id')
      .execute();
    if ((result.raw as unknown[]).length === 0) {
      throw new DomainError(
        'case.changed_concurrently',
        `Case ${loaded.caseNumber} was changed by someone else; reload and retry`,
      );
    }
    if (changes.address !== undefined)
      await this.recutSearchDocument(loaded.id, { ...loaded, address: changes.address });
    return this.db.manager.create(CaseEntity, { ...loaded, ...full, version: loaded.version + 1 });
  }

  /** A corrected address: the search document is cut again (the column is written in SQL only). */
  private async recutSearchDocument(id: string, texts: Pick<CaseEntity, 'description' | 'address'>): Promise<void> {
    const { B, C } = caseSearchTexts(texts);
    await this.db.manager.query(
      `UPDATE cases SET search_document = ${caseSearchDocumentSql('$2', '$3')} WHERE id = $1`,
      [id, B, C],
    );
  }

  /** The system's bookkeeping (a clock's side effect): the version stays, no user action is refused for it. */
  async bookkeep(id: string, changes: Partial<CaseEntity>): Promise<void> {
    await this.db.manager.update(CaseEntity, { id }, changes);
  }

  /** The units that may see the case, or null for an unknown case. */
  async unitCodesOf(id: string): Promise<string[] | null> {
    const found = await this.db.manager.findOne(CaseEntity, { where: { id }, select: { id: true, unitCodes: true } });
    return found ? found.unitCodes : null;
  }

  findOpenOfCaller(lookup: RepeatLookup): Promise<CaseEntity | null> {
    return this.db.manager
      .createQueryBuilder(CaseEntity, 'c')
      .where('c.callerPhone = :phone AND c.categoryCode = :category AND c.districtCode = :district', {
        phone: lookup.callerPhone,
        category: lookup.categoryCode,
        district: lookup.districtCode,
      })
      .andWhere('c.streetCode IS NOT DISTINCT FROM :street', { street: lookup.streetCode })
      .andWhere('c.requesterKind = :kind AND c.sensitive = :sensitive', {
        kind: lookup.requesterKind,
        sensitive: lookup.sensitive,
      })
      .andWhere('c.companyCreditCode IS NOT DISTINCT FROM :creditCode', { creditCode: lookup.companyCreditCode })
      .andWhere('c.status NOT IN (:...finished)', { finished: FINISHED_STATUSES })
      .andWhere('c.registeredAt >= :since', { since: lookup.since })
      .orderBy('c.registeredAt', 'DESC')
      .getOne();
  }

  /** Serialises registrations of one caller until the transaction ends (two calls cannot both open a case). */
  async lockCaller(callerPhone: string): Promise<void> {
    await this.db.manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`caller:${callerPhone}`]);
  }

  /**
   * Newest first; ties broken by id so pages never overlap or skip. `scopeUnit`: a handler's unit. With
   * `q`: the case of that number, or the cases sharing its words, best ranked first (the knowledge base's
   * ts_rank_cd, normalisation 32), then newest first (docs/api.md, `GET /cases`).
   */
  async list(filter: CaseFilter, scopeUnit: string | null): Promise<Page<CaseEntity>> {
    const search = filter.q === undefined ? null : caseSearchOf(filter.q);
    if (search?.kind === 'nothing') return { items: [], total: 0 };
    const query = this.db.manager.createQueryBuilder(CaseEntity, 'c');
    if (scopeUnit !== null) query.andWhere('c.unitCodes @> ARRAY[:scopeUnit]::text[]', { scopeUnit });
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter.unitCode) {
      query.andWhere('c.status IN (:...active) AND (c.leadUnitCode = :unit OR :unit = ANY(c.coUnitCodes))', {
        active: ACTIVE_ORDER_STATUSES,
        unit: filter.unitCode,
      });
    }
    if (filter.districtCode) query.andWhere('c.districtCode = :district', { district: filter.districtCode });
    if (filter.streetCode) query.andWhere('c.streetCode = :street', { street: filter.streetCode });
    if (filter.hotline) {
      query.andWhere('(c.sourceHotlineCode = :hotline OR c.sourceHotlineNumber = :hotline)', {
        hotline: filter.hotline,
      });
    }
    if (filter.categoryCode) {
      query.andWhere('c.categoryCode LIKE :category', { category: `${escapeLike(filter.categoryCode)}%` });
    }
    if (filter.urgency) query.andWhere('c.urgency = :urgency', { urgency: filter.urgency });
    if (filter.from) query.andWhere('c.registeredAt >= :from', { from: filter.from });
    if (filter.to) query.andWhere('c.registeredAt < :to', { to: filter.to });
    if (filter.callerPhone) query.andWhere('c.callerPhone = :phone', { phone: filter.callerPhone });
    if (search?.kind === 'case_number') query.andWhere('c.caseNumber = :exact', { exact: search.caseNumber });
    if (search?.kind === 'words') return this.listByWords(query, search.tsquery, filter);
    const [items, total] = await query
      .addOrderBy('c.registeredAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .take(filter.limit)
      .skip(filter.offset)
      .getManyAndCount();
    return { items, total };
  }

  /**
   * The newest CASE_SEARCH_NEWEST cases the filters select that share a word, ranked in memory, and
   * the page's cases read by id: bounded whatever the number of matches. For a common word the
   * planner walks the registration index backwards and stops at the cap; for a rare one it takes the
   * GIN index's few rows.
   */
  private async listByWords(
    query: SelectQueryBuilder<CaseEntity>,
    tsquery: string,
    page: Pick<CaseFilter, 'limit' | 'offset'>,
  ): Promise<Page<CaseEntity>> {
    const raw: { id: string; registered_at: Date; rank: number }[] = await query
      .select('c.id', 'id')
      .addSelect('c.registeredAt', 'registered_at')
      .addSelect(`ts_rank_cd(c.searchDocument, to_tsquery('simple', :tsquery), 32)`, 'rank')
      .andWhere(`c.searchDocument @@ to_tsquery('simple', :tsquery)`, { tsquery })
      .orderBy('c.registeredAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(CASE_SEARCH_NEWEST)
      .getRawMany();
    const ranked = byRelevance(raw.map((r) => ({ id: r.id, registeredAt: r.registered_at, rank: Number(r.rank) })));
    const ids = ranked.slice(page.offset, page.offset + page.limit).map((m) => m.id);
    const found = ids.length === 0 ? [] : await this.db.manager.findBy(CaseEntity, { id: In(ids) });
    const byId = new Map(found.map((c) => [c.id, c]));
    return { items: ids.map((id) => byId.get(id)!), total: ranked.length };
  }

  /** Open demands of other callers about the same category and place, registered since `since`. */
  related(c: CaseEntity, since: Date): Promise<CaseEntity[]> {
    return this.db.manager
      .createQueryBuilder(CaseEntity, 'r')
      .select(['r.id', 'r.caseNumber', 'r.status', 'r.registeredAt'])
      .where(
        'r.categoryCode = :category AND r.streetCode IS NOT DISTINCT FROM :street AND r.districtCode = :district',
        {
          category: c.categoryCode,
          street: c.streetCode,
          district: c.districtCode,
        },
      )
      .andWhere('r.callerPhone IS DISTINCT FROM CAST(:phone AS text) AND r.id <> :id', {
        phone: c.callerPhone,
        id: c.id,
      })
      .andWhere('r.status NOT IN (:...finished)', { finished: FINISHED_STATUSES })
      .andWhere('r.registeredAt >= :since', { since })
      .orderBy('r.registeredAt', 'DESC')
      .take(20)
      .getMany();
  }

  /** The cases with these ids, in the order given (unknown ids are left out). */
  /** The last `limit` cases that were dispatched at least once, newest registration first. */
  lastDispatched(limit: number): Promise<CaseEntity[]> {
    return this.db.manager
      .createQueryBuilder(CaseEntity, 'c')
      .where('c.dispatch_count > 0')
      .orderBy('c.registered_at', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  async byIds(ids: readonly string[]): Promise<CaseEntity[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.manager
      .createQueryBuilder(CaseEntity, 'c')
      .where('c.id IN (:...ids)', { ids: [...ids] })
      .getMany();
    const byId = new Map(rows.map((c) => [c.id, c]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Cases registered since `since`, per source hotline (a unit's: where it is the lead). */
  async registeredSinceByHotline(since: Date, leadUnit?: string): Promise<Map<string, number>> {
    const rows: { hotline: string; n: string }[] = await this.db.manager.query(
      `SELECT source_hotline_code AS hotline, count(*) AS n FROM cases
        WHERE registered_at >= $1 ${leadUnit ? 'AND lead_unit_code = $2' : ''} GROUP BY 1`,
      [since, ...(leadUnit ? [leadUnit] : [])],
    );
    return new Map(rows.map((r) => [r.hotline, Number(r.n)]));
  }

  /** Cases answered on the call (直接办结) since `since`; none has a lead unit, so a unit's count is 0. */
  async answeredSinceCount(since: Date, leadUnit?: string): Promise<number> {
    const [row]: { n: string }[] = await this.db.manager.query(
      `SELECT count(*) AS n FROM cases WHERE status = 'answered' AND closed_at >= $1
        ${leadUnit ? 'AND lead_unit_code = $2' : ''}`,
      [since, ...(leadUnit ? [leadUnit] : [])],
    );
    return Number(row?.n ?? 0);
  }

  /** Cases not yet finished (a unit's: where it is the lead). */
  async openCount(leadUnit?: string): Promise<number> {
    const [row]: { n: string }[] = await this.db.manager.query(
      `SELECT count(*) AS n FROM cases WHERE status <> ALL($1) ${leadUnit ? 'AND lead_unit_code = $2' : ''}`,
      [FINISHED_STATUSES, ...(leadUnit ? [leadUnit] : [])],
    );
    return Number(row?.n ?? 0);
  }
}

function notFound(id: string): DomainError {
  return new DomainError('case.not_found', `Case ${id} not found`);
}

/** The changes plus, when the lead, co-handlers or forward change, the grown list of units that may see the case. */
function withUnits(loaded: CaseEntity, changes: Partial<CaseEntity>): Partial<CaseEntity> {
  if (!changesUnits(changes)) return changes;
  return { ...changes, unitCodes: withAssignedUnits(loaded.unitCodes, changes) };
}

/** A client's text taken literally inside a LIKE pattern (a trailing backslash used to be a 500; found by fuzzing). */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (m) => `\\${m}`);
}
