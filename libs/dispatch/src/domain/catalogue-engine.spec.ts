import { CatalogueRule, decideDispatch, UnitFacts } from './catalogue-engine';

const units: Record<string, UnitFacts> = {
  '110105': { kind: 'district', active: true },
  '110105001': { kind: 'street', active: true },
  '110105002': { kind: 'street', active: false },
  '110108': { kind: 'district', active: true },
  'UTIL-WATER': { kind: 'utility', active: true },
  'UTIL-GAS': { kind: 'utility', active: false },
  'DEPT-WATER': { kind: 'department', active: true },
  'DEPT-OLD': { kind: 'department', active: false },
};
const unit = (code: string) => units[code];

let n = 0;
const rule = (r: Partial<CatalogueRule>): CatalogueRule => ({
  id: `r${++n}`,
  priority: 100,
  name: `rule ${n}`,
  categoryCode: '01',
  districtCode: null,
  streetCode: null,
  target: 'street_of_location',
  leadUnitCode: null,
  coUnitCodes: [],
  auto: false,
  redispatchOnReopen: false,
  ...r,
});
const place = {
  categoryCode: '010101',
  categoryPath: ['010101', '0101', '01'],
  districtCode: '110105',
  streetCode: '110105001',
  overflowFrom: null,
};

describe('decideDispatch', () => {
  it('takes the first matching rule by priority, not by list order', () => {
    const rules = [
      rule({ priority: 20, target: 'district_of_location' }),
      rule({ priority: 10, target: 'street_of_location' }),
    ];
    const { suggestion } = decideDispatch(rules, place, unit);
    expect(suggestion).toMatchObject({ leadUnitCode: '110105001', source: 'rule', ruleName: rules[1].name });
  });

  it('matches a rule on any ancestor category, and not on a sibling', () => {
    const rules = [
      rule({ categoryCode: '0102', target: 'unit', leadUnitCode: 'DEPT-WATER' }),
      rule({ categoryCode: '0101', target: 'district_of_location' }),
    ];
    expect(decideDispatch(rules, place, unit).suggestion?.leadUnitCode).toBe('110105');
  });

  it('respects a rule limited to a district or a street, and explains why it did not apply', () => {
    const rules = [
      rule({ priority: 1, districtCode: '110108', target: 'unit', leadUnitCode: 'DEPT-WATER' }),
      rule({
        priority: 2,
        districtCode: '110105',
        streetCode: '110105009',
        target: 'unit',
        leadUnitCode: 'DEPT-WATER',
      }),
      rule({
        priority: 3,
        districtCode: '110105',
        target: 'unit',
        leadUnitCode: 'UTIL-WATER',
        coUnitCodes: ['DEPT-WATER'],
      }),
    ];
    const decision = decideDispatch(rules, place, unit);
    expect(decision.suggestion).toMatchObject({ leadUnitCode: 'UTIL-WATER', coUnitCodes: ['DEPT-WATER'] });
    expect(decision.trace.map((t) => t.outcome)).toEqual(['not_applicable', 'not_applicable', 'matched']);
    expect(decision.trace[0].why).toBe('only for district 110108');
  });

  it('skips a rule whose lead unit is inactive, and drops inactive co-handlers', () => {
    const rules = [
      rule({ priority: 1, target: 'unit', leadUnitCode: 'UTIL-GAS' }),
      rule({ priority: 2, target: 'unit', leadUnitCode: 'UTIL-WATER', coUnitCodes: ['DEPT-OLD', 'DEPT-WATER'] }),
    ];
    const decision = decideDispatch(rules, place, unit);
    expect(decision.trace[0]).toMatchObject({ outcome: 'skipped', why: 'lead unit UTIL-GAS is inactive or unknown' });
    expect(decision.suggestion).toMatchObject({ leadUnitCode: 'UTIL-WATER', coUnitCodes: ['DEPT-WATER'] });
    expect(decision.trace[1].why).toContain('inactive co-handlers dropped: DEPT-OLD');
  });

  it('skips a street rule when the case has no street, or its street is inactive', () => {
    const rules = [rule({ priority: 1 }), rule({ priority: 2, target: 'district_of_location' })];
    expect(decideDispatch(rules, { ...place, streetCode: null }, unit).suggestion?.leadUnitCode).toBe('110105');
    expect(decideDispatch(rules, { ...place, streetCode: '110105002' }, unit).suggestion?.leadUnitCode).toBe('110105');
  });

  it('falls back to the district government when no rule applies (兜底)', () => {
    const decision = decideDispatch([rule({ categoryCode: '09' })], place, unit);
    expect(decision.suggestion).toMatchObject({ leadUnitCode: '110105', source: 'fallback', auto: false });
  });

  it('leaves a case without location to a person', () => {
    const decision = decideDispatch([rule({})], { ...place, districtCode: null, streetCode: null }, unit);
    expect(decision.suggestion).toBeNull();
    expect(decision.manualReason).toBe('the case has no location');
  });

  it('sends an overflow back to its utility before any rule', () => {
    const decision = decideDispatch([rule({ priority: 1 })], { ...place, overflowFrom: 'UTIL-WATER' }, unit);
    expect(decision.suggestion).toMatchObject({ leadUnitCode: 'UTIL-WATER', source: 'overflow' });
  });

  it('reports whether the matched rule dispatches automatically, and sends reopened cases back', () => {
    expect(decideDispatch([rule({ auto: true })], place, unit).suggestion?.auto).toBe(true);
    expect(decideDispatch([rule({ redispatchOnReopen: true })], place, unit).suggestion?.redispatchOnReopen).toBe(true);
  });

  it('covers a category by the tree, not by its code: a category moved under the rule’s is covered', () => {
    const moved = { ...place, categoryCode: '020204', categoryPath: ['020204', '0101', '01'] };
    const decision = decideDispatch(
      [rule({ categoryCode: '0101', target: 'unit', leadUnitCode: 'DEPT-WATER' })],
      moved,
      unit,
    );
    expect(decision.suggestion).toMatchObject({ leadUnitCode: 'DEPT-WATER', source: 'rule' });
  });
});
