import type { AuditService } from '@hotline/audit';
import type { TransactionService } from '@hotline/database';
import type { DispatchRulesRepository } from './dispatch-rules.repository';
import type { ReferenceChangesRepository } from './reference-changes.repository';
import { DispatchRulesService } from './dispatch-rules.service';
import type { ReferenceDataService } from './reference-data.service';

const admin = { userId: 'admin-1', role: 'admin', unitCode: null };
const NO_TRANSACTION = { run: <T>(work: () => Promise<T>) => work() } as unknown as TransactionService;
const rule = { priority: 10, name: 'water', categoryCode: '0301', target: 'unit' as const, leadUnitCode: 'UTIL-WATER' };

function setUp(insert: (row: object) => Promise<object>) {
  let invalidated = 0;
  const audited: object[] = [];
  const versions: object[] = [];
  const service = new DispatchRulesService(
    NO_TRANSACTION,
    { insert } as unknown as DispatchRulesRepository,
    {
      facts: async () => ({
        unit: (code: string) =>
          code === 'UTIL-WATER' ? { kind: 'utility', parentCode: null, active: true } : undefined,
        categoryExists: (code: string) => code === '0301',
      }),
      invalidate: () => void invalidated++,
    } as unknown as ReferenceDataService,
    { record: async (...entries: object[]) => void audited.push(...entries) } as unknown as AuditService,
    { applied: async (...entries: object[]) => void versions.push(entries) } as unknown as ReferenceChangesRepository,
    { now: () => new Date('2026-12-01T09:00:00Z') },
  );
  return { service, audited, versions, invalidated: () => invalidated };
}

describe('DispatchRulesService', () => {
  it('adds a sound rule, audits it and refreshes the catalogue at once', async () => {
    const { service, audited, versions, invalidated } = setUp(async (row) => ({ ...row, id: 'r-1' }));
    const created = await service.create(rule, admin);
    expect(created).toMatchObject({ id: 'r-1', districtCode: null, coUnitCodes: [], auto: false });
    expect(audited).toEqual([expect.objectContaining({ action: 'dispatch_rule.created', entityId: 'r-1' })]);
    // Its first version in the reference history: created, nothing before.
    expect(versions).toEqual([
      [
        expect.objectContaining({ entity: 'dispatch_rule', entityKey: 'r-1' }),
        { before: null, after: created },
        expect.any(Date),
      ],
    ]);
    expect(invalidated()).toBe(1);
  });

  it('names a bad rule’s fields before writing, and a taken name after', async () => {
    const insert = jest.fn();
    await expect(setUp(insert).service.create({ ...rule, leadUnitCode: 'NOPE' }, admin)).rejects.toMatchObject({
      fields: [{ field: 'leadUnitCode', reason: 'unknown_unit' }],
    });
    expect(insert).not.toHaveBeenCalled();
    const taken = Object.assign(new Error('duplicate'), { code: '23505', constraint: 'ux_dispatch_rules_name' });
    const { service, invalidated } = setUp(async () => Promise.reject(taken));
    await expect(service.create(rule, admin)).rejects.toMatchObject({
      reason: 'dispatch_rule.exists',
      fields: [{ field: 'name', reason: 'taken' }],
    });
    expect(invalidated()).toBe(0);
  });
});
