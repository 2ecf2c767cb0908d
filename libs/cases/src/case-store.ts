import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@hotline/core';
import { CaseEntity } from './entities/case.entity';

/** Loads cases and saves them with the optimistic version check (SPEC §4: exactly one wins). */
@Injectable()
export class CaseStore {
  async get(tx: EntityManager, id: string): Promise<CaseEntity> {
    const found = await tx.findOneBy(CaseEntity, { id });
    if (!found) throw DomainError.notFound('Case', id);
    return found;
  }

  /**
   * Loads the case and holds its row lock until the transaction ends: for the system's own writes
   * (clocks, supervision) that append events without a user's versioned update.
   */
  async lock(tx: EntityManager, id: string): Promise<CaseEntity> {
    const found = await tx
      .createQueryBuilder(CaseEntity, 'c')
      .where('c.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!found) throw DomainError.notFound('Case', id);
    return found;
  }

  /**
   * Applies `changes` if nobody changed the case since `loaded` was read; returns the new row.
   * A concurrent writer that got there first makes this a VERSION_CONFLICT (409).
   */
  async update(tx: EntityManager, loaded: CaseEntity, changes: Partial<CaseEntity>): Promise<CaseEntity> {
    const result = await tx
      .createQueryBuilder()
      .update(CaseEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id: loaded.id, version: loaded.version })
      .returning('*')
      .execute();
    const [raw] = result.raw as Record<string, unknown>[];
    if (!raw) {
      throw new DomainError(
        'VERSION_CONFLICT',
        `Case ${loaded.caseNumber} was changed by someone else; reload and retry`,
      );
    }
    return tx.create(CaseEntity, { ...loaded, ...changes, version: loaded.version + 1 });
  }
}
