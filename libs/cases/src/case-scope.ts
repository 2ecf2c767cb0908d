import { Injectable } from '@nestjs/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { DomainError } from '@hotline/core';
import type { Actor } from './domain/actor';
import { CaseAssignmentEntity } from './entities/case-assignment.entity';
import type { CaseEntity } from './entities/case.entity';

/**
 * The one place that decides which cases a caller may see (SPEC §8): centre staff see all; a
 * handler sees a case only if its unit is or was assigned to it (lead or co-handler). Any other
 * case answers 404, exactly like an unknown id, so ids do not leak.
 */
@Injectable()
export class CaseScope {
  isUnitScoped(viewer: Pick<Actor, 'role'>): boolean {
    return viewer.role === 'handler';
  }

  /** Narrows a query over `alias` (cases) to the viewer's cases. */
  apply(
    query: SelectQueryBuilder<CaseEntity>,
    alias: string,
    viewer: Pick<Actor, 'role' | 'unitCode'>,
  ): SelectQueryBuilder<CaseEntity> {
    if (!this.isUnitScoped(viewer)) return query;
    return query.andWhere(
      `EXISTS (SELECT 1 FROM case_assignments a WHERE a.case_id = ${alias}.id AND a.unit_code = :scopeUnit)`,
      { scopeUnit: viewer.unitCode },
    );
  }

  /** For a request about case `id` (the api's guard, before anything else looks at the request). */
  async assertVisibleById(tx: EntityManager, id: string, viewer: Pick<Actor, 'role' | 'unitCode'>): Promise<void> {
    if (!this.isUnitScoped(viewer)) return;
    const assigned = await tx.exists(CaseAssignmentEntity, { where: { caseId: id, unitCode: viewer.unitCode ?? '' } });
    if (!assigned) throw DomainError.notFound('Case', id);
  }

  async assertVisible(tx: EntityManager, c: CaseEntity, viewer: Pick<Actor, 'role' | 'unitCode'>): Promise<void> {
    if (!this.isUnitScoped(viewer)) return;
    const assigned = await tx.exists(CaseAssignmentEntity, {
      where: { caseId: c.id, unitCode: viewer.unitCode ?? '' },
    });
    if (!assigned) throw DomainError.notFound('Case', c.id);
  }
}
