import { DomainError } from '@hotline/core';
import type { CasesRepository, RepeatLookup } from '../cases.repository';
import { changesUnits, withAssignedUnits } from '../domain/case-scope';
import { FINISHED_STATUSES } from '../domain/case-vocabulary';
import type { CaseEntity } from '../entities/case.entity';

type Cases = Pick<
  CasesRepository,
  | 'get'
  | 'lock'
  | 'lockMany'
  | 'insert'
  | 'update'
  | 'bookkeep'
  | 'unitCodesOf'
  | 'findOpenOfCaller'
  | 'lockCaller'
  | 'byIds'
>;

/**
 * The `cases` table in memory, for service specs: the same contract as CasesRepository (the
 * version check, the units that may see a case), no database.
 */
export class InMemoryCasesRepository implements Cases {
  readonly rows = new Map<string, CaseEntity>();

  async get(id: string): Promise<CaseEntity> {
    const found = this.rows.get(id);
    if (!found) throw new DomainError('case.not_found', `Case ${id} not found`);
    return { ...found };
  }

  lock(id: string): Promise<CaseEntity> {
    return this.get(id);
  }

  async lockMany(ids: readonly string[]): Promise<CaseEntity[]> {
    return [...new Set(ids)]
      .sort()
      .filter((id) => this.rows.has(id))
      .map((id) => ({ ...this.rows.get(id)! }));
  }

  async insert(row: CaseEntity): Promise<void> {
    this.rows.set(row.id, { ...row });
  }

  async update(loaded: CaseEntity, changes: Partial<CaseEntity>): Promise<CaseEntity> {
    const stored = this.rows.get(loaded.id)!;
    if (stored.version !== loaded.version) {
      throw new DomainError('case.changed_concurrently', `Case ${loaded.caseNumber} was changed by someone else`);
    }
    const units = changesUnits(changes) ? { unitCodes: withAssignedUnits(stored.unitCodes, changes) } : {};
    const updated = { ...stored, ...changes, ...units, version: stored.version + 1 };
    this.rows.set(loaded.id, updated);
    return { ...updated };
  }

  async bookkeep(id: string, changes: Partial<CaseEntity>): Promise<void> {
    this.rows.set(id, { ...this.rows.get(id)!, ...changes });
  }

  async unitCodesOf(id: string): Promise<string[] | null> {
    return this.rows.get(id)?.unitCodes ?? null;
  }

  async findOpenOfCaller(lookup: RepeatLookup): Promise<CaseEntity | null> {
    const open = [...this.rows.values()].filter(
      (c) =>
        c.callerPhone === lookup.callerPhone &&
        c.categoryCode === lookup.categoryCode &&
        c.districtCode === lookup.districtCode &&
        c.streetCode === lookup.streetCode &&
        c.requesterKind === lookup.requesterKind &&
        c.companyCreditCode === lookup.companyCreditCode &&
        c.sensitive === lookup.sensitive &&
        !FINISHED_STATUSES.includes(c.status) &&
        c.registeredAt >= lookup.since,
    );
    return open.sort((a, b) => b.registeredAt.getTime() - a.registeredAt.getTime())[0] ?? null;
  }

  async lockCaller(): Promise<void> {}

  async byIds(ids: readonly string[]): Promise<CaseEntity[]> {
    return ids.flatMap((id) => (this.rows.has(id) ? [{ ...this.rows.get(id)! }] : []));
  }
}
