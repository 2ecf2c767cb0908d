import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { addMs, DAY_MS } from '@hotline/clock';
import { Page } from '@hotline/core';
import type { Urgency } from '@hotline/directory';
import { CaseScope } from './case-scope';
import { CaseStore } from './case-store';
import { CaseView, TimelineEntry, toCaseView, toTimelineEntry } from './case-view';
import type { Actor } from './domain/actor';
import { CaseStatus, FINISHED_STATUSES } from './domain/case-vocabulary';
import { CaseEventEntity } from './entities/case-event.entity';
import { CaseEntity } from './entities/case.entity';
import { normalizePhone } from './domain/phone';
import { AppConfig } from '@hotline/config';
import { AuditTrail } from '@hotline/audit';
import { callerVisibility } from './domain/privacy';

export interface CaseFilter {
  status?: CaseStatus;
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

export interface RelatedCase {
  id: string;
  caseNumber: string;
  status: CaseStatus;
  registeredAt: string;
}

export interface CaseDetail extends CaseView {
  timeline: TimelineEntry[];
  /** Open demands of other callers about the same category and place: offered, never merged. */
  possiblyRelated: RelatedCase[];
}

@Injectable()
export class CaseQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: CaseStore,
    private readonly scope: CaseScope,
    private readonly config: AppConfig,
    private readonly audit: AuditTrail,
  ) {}

  async detail(id: string, viewer: Actor): Promise<CaseDetail> {
    const manager = this.dataSource.manager;
    const found = await this.store.get(manager, id);
    await this.scope.assertVisible(manager, found, viewer);
    const events = await manager.find(CaseEventEntity, { where: { caseId: id }, order: { seq: 'ASC' } });
    await this.auditCallerReads([found], viewer);
    return {
      ...toCaseView(found, viewer),
      timeline: events.map(toTimelineEntry),
      possiblyRelated: this.scope.isUnitScoped(viewer) ? [] : await this.related(found),
    };
  }

  /** Newest first; ties broken by id so pages never overlap or skip. */
  async list(filter: CaseFilter, viewer: Actor): Promise<Page<CaseView>> {
    const query = this.dataSource.getRepository(CaseEntity).createQueryBuilder('c');
    this.scope.apply(query, 'c', viewer);
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter.unitCode) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM case_assignments f WHERE f.case_id = c.id AND f.unit_code = :unit AND f.status = 'active')`,
        {
          unit: filter.unitCode,
        },
      );
    }
    if (filter.districtCode) query.andWhere('c.districtCode = :district', { district: filter.districtCode });
    if (filter.streetCode) query.andWhere('c.streetCode = :street', { street: filter.streetCode });
    if (filter.hotline)
      query.andWhere('(c.sourceHotlineCode = :hotline OR c.sourceHotlineNumber = :hotline)', {
        hotline: filter.hotline,
      });
    if (filter.categoryCode)
      query.andWhere('c.categoryCode LIKE :category', { category: `${escapeLike(filter.categoryCode)}%` });
    if (filter.urgency) query.andWhere('c.urgency = :urgency', { urgency: filter.urgency });
    if (filter.from) query.andWhere('c.registeredAt >= :from', { from: filter.from });
    if (filter.to) query.andWhere('c.registeredAt < :to', { to: filter.to });
    if (filter.callerPhone) {
      query.andWhere('c.callerPhone = :phone', { phone: normalizePhone(filter.callerPhone) ?? filter.callerPhone });
    }
    if (filter.q) {
      const text = `%${escapeLike(filter.q)}%`;
      query.andWhere('(c.caseNumber = :exact OR c.description ILIKE :text OR c.address ILIKE :text)', {
        exact: filter.q,
        text,
      });
    }
    const [rows, total] = await query
      .orderBy('c.registeredAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .take(filter.limit)
      .skip(filter.offset)
      .getManyAndCount();
    await this.auditCallerReads(rows, viewer);
    return { items: rows.map((row) => toCaseView(row, viewer)), total };
  }

  /** SPEC §8: every read of a caller's identity by a handling unit is audited (who, when, which case). */
  private async auditCallerReads(cases: readonly CaseEntity[], viewer: Actor): Promise<void> {
    if (!this.scope.isUnitScoped(viewer)) return;
    const shown = cases.filter((c) => callerVisibility(viewer, c) === 'full');
    await this.audit.record(
      this.dataSource.manager,
      ...shown.map((c) => ({ actor: viewer, action: 'case.caller_read', entity: 'case', entityId: c.id })),
    );
  }

  private async related(c: CaseEntity): Promise<RelatedCase[]> {
    const rows = await this.dataSource
      .getRepository(CaseEntity)
      .createQueryBuilder('r')
      .select(['r.id', 'r.caseNumber', 'r.status', 'r.registeredAt'])
      .where(
        'r.categoryCode = :category AND r.streetCode IS NOT DISTINCT FROM :street AND r.districtCode = :district',
        {
          category: c.categoryCode,
          street: c.streetCode,
          district: c.districtCode,
        },
      )
      .andWhere('r.callerPhone <> :phone AND r.id <> :id', { phone: c.callerPhone, id: c.id })
      .andWhere('r.status NOT IN (:...finished)', { finished: FINISHED_STATUSES })
      .andWhere('r.registeredAt >= :since', {
        since: addMs(c.registeredAt, -this.config.REPEAT_WINDOW_DAYS * DAY_MS),
      })
      .orderBy('r.registeredAt', 'DESC')
      .take(20)
      .getMany();
    return rows.map((r) => ({
      id: r.id,
      caseNumber: r.caseNumber,
      status: r.status,
      registeredAt: r.registeredAt.toISOString(),
    }));
  }
}

/** A client's text taken literally inside a LIKE pattern (a trailing backslash used to be a 500; found by fuzzing). */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (m) => `\\${m}`);
}
