import { checkDispatchRule, DirectoryFacts, DispatchRuleInput } from './dispatch-rule-validation';

const facts: DirectoryFacts = {
  unit: (code) =>
    ({
      '110105': { kind: 'district' as const, parentCode: null, active: true },
      '110105001': { kind: 'street' as const, parentCode: '110105', active: true },
      '110108001': { kind: 'street' as const, parentCode: '110108', active: true },
      'UTIL-WATER': { kind: 'utility' as const, parentCode: null, active: true },
      'DEPT-WATER': { kind: 'department' as const, parentCode: null, active: true },
    })[code],
  categoryExists: (code) => code === '0301' || code === '030101',
};

const base: DispatchRuleInput = {
  priority: 10,
  name: 'water',
  categoryCode: '0301',
  target: 'unit',
  leadUnitCode: 'UTIL-WATER',
};
const fields = (rule: Partial<DispatchRuleInput>) => checkDispatchRule({ ...base, ...rule }, facts).map((p) => p.field);

describe('checkDispatchRule', () => {
  it('accepts a sound rule', () => {
    expect(fields({ coUnitCodes: ['DEPT-WATER'] })).toEqual([]);
    expect(
      fields({ target: 'street_of_location', leadUnitCode: null, districtCode: '110105', streetCode: '110105001' }),
    ).toEqual([]);
  });

  it('needs a lead unit exactly when the target is a unit', () => {
    expect(fields({ leadUnitCode: null })).toEqual(['leadUnitCode']);
    expect(fields({ target: 'district_of_location' })).toEqual(['leadUnitCode']);
    expect(fields({ leadUnitCode: 'NOPE' })).toEqual(['leadUnitCode']);
  });

  it('checks the place: a street must belong to the rule district', () => {
    expect(fields({ districtCode: '110105', streetCode: '110108001' })).toEqual(['streetCode']);
    expect(fields({ streetCode: '110105001' })).toEqual(['districtCode']);
    expect(fields({ districtCode: '110105001' })).toEqual(['districtCode']);
  });

  it('names each bad co-handler by position', () => {
    expect(fields({ coUnitCodes: ['DEPT-WATER', 'UTIL-WATER', 'DEPT-WATER', 'X'] })).toEqual([
      'coUnitCodes.1',
      'coUnitCodes.2',
      'coUnitCodes.3',
    ]);
  });

  it('refuses an unknown category', () => {
    expect(fields({ categoryCode: '99' })).toEqual(['categoryCode']);
  });
});
