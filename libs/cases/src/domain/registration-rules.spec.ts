import { checkRegistrationPlace, chooseRegistration, RegistrationFacts } from './registration-rules';

const facts: RegistrationFacts = {
  category: (code) =>
    ({ '01': { level: 1, active: true }, '010101': { level: 3, active: true }, '010102': { level: 3, active: false } })[
      code
    ],
  unit: (code) =>
    ({
      '110105': { kind: 'district' as const, parentCode: null, active: true },
      '110105001': { kind: 'street' as const, parentCode: '110105', active: true },
      '110108001': { kind: 'street' as const, parentCode: '110108', active: true },
    })[code],
};
const fields = (input: Parameters<typeof checkRegistrationPlace>[0]) =>
  checkRegistrationPlace(input, facts).map((p) => `${p.field}: ${p.message}`);

describe('checkRegistrationPlace', () => {
  it('accepts a leaf category on a street of the district', () => {
    expect(fields({ categoryCode: '010101', districtCode: '110105', streetCode: '110105001' })).toEqual([]);
    expect(fields({ categoryCode: '010101', districtCode: '110105' })).toEqual([]);
  });

  it('names every problem', () => {
    expect(fields({ categoryCode: '01', districtCode: '110105001', streetCode: '110108001' })).toEqual([
      'categoryCode: must be a leaf (level 3) category',
      'districtCode: is not a district',
      'streetCode: does not belong to districtCode',
    ]);
    expect(fields({ categoryCode: '010102', districtCode: '110105', streetCode: '110105' })).toEqual([
      'categoryCode: is no longer in use',
      'streetCode: is not a street or township',
    ]);
    expect(fields({ categoryCode: '99', districtCode: 'x' })).toEqual([
      'categoryCode: is not a known category',
      'districtCode: is not a district',
    ]);
  });
});

describe('chooseRegistration', () => {
  const choose = (callCaseId: string | null, openCaseId: string | null, forceNew = false) =>
    chooseRegistration({ callCaseId, openCaseId, forceNew });

  it('answers the case a call already made, whatever else holds', () => {
    expect(choose('c1', null)).toEqual({ kind: 'existing', caseId: 'c1' });
    expect(choose('c1', 'c2')).toEqual({ kind: 'existing', caseId: 'c1' });
    expect(choose('c1', 'c2', true)).toEqual({ kind: 'existing', caseId: 'c1' });
  });

  it('joins the caller’s open case, or creates one pointing at it when the agent forces a new case', () => {
    expect(choose(null, 'c2')).toEqual({ kind: 'merge', caseId: 'c2' });
    expect(choose(null, 'c2', true)).toEqual({ kind: 'create', repeatOf: 'c2' });
  });

  it('creates a first case when the call has none and the caller no open one', () => {
    expect(choose(null, null)).toEqual({ kind: 'create', repeatOf: null });
    expect(choose(null, null, true)).toEqual({ kind: 'create', repeatOf: null });
  });
});
