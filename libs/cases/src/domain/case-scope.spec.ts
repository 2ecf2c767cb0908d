import { canSee, isUnitScoped, withAssignedUnits } from './case-scope';

const handlerOf = (unitCode: string) => ({ role: 'handler' as const, unitCode });

describe('case scope', () => {
  it('lets centre staff and the system see every case', () => {
    for (const role of ['agent', 'supervisor', 'admin', 'system'] as const) {
      expect(isUnitScoped({ role })).toBe(false);
      expect(canSee({ role, unitCode: null }, { unitCodes: [] })).toBe(true);
    }
  });

  it('lets a handler see only cases its unit is or was assigned to', () => {
    const c = { unitCodes: ['110105001', 'DEPT-URBAN-MANAGEMENT'] };
    expect(canSee(handlerOf('110105001'), c)).toBe(true);
    expect(canSee(handlerOf('DEPT-URBAN-MANAGEMENT'), c)).toBe(true);
    expect(canSee(handlerOf('110108001'), c)).toBe(false);
    expect(canSee({ role: 'handler', unitCode: null }, c)).toBe(false);
  });

  it('remembers every unit ever assigned, once each', () => {
    expect(withAssignedUnits([], { leadUnitCode: '110105001', coUnitCodes: ['DEPT-A'] })).toEqual([
      '110105001',
      'DEPT-A',
    ]);
    expect(withAssignedUnits(['110105001', 'DEPT-A'], { leadUnitCode: '110105', coUnitCodes: ['DEPT-A'] })).toEqual([
      '110105001',
      'DEPT-A',
      '110105',
    ]);
    expect(withAssignedUnits(['110105001'], { leadUnitCode: null })).toEqual(['110105001']);
    expect(withAssignedUnits(['110105001'], { forwardedToUnitCode: '110105001002' })).toEqual([
      '110105001',
      '110105001002',
    ]);
  });
});
