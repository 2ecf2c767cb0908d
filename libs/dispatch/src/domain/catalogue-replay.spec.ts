import type { CatalogueRule } from './catalogue-engine';
import { casePlace, catalogueWith } from './catalogue-replay';

const rule = (id: string, priority: number): CatalogueRule => ({
  id,
  priority,
  name: id,
  categoryCode: '01',
  districtCode: null,
  streetCode: null,
  target: 'district_of_location',
  leadUnitCode: null,
  coUnitCodes: [],
  auto: false,
  redispatchOnReopen: false,
});

describe('catalogueWith', () => {
  const active = [rule('a', 10), rule('b', 20)];

  it('replaces the rule of the same id and keeps the order rules are tried in', () => {
    expect(catalogueWith(active, { ...rule('b', 5), active: true }).map((r) => r.id)).toEqual(['b', 'a']);
  });

  it('adds a new rule, and takes out one switched off', () => {
    expect(catalogueWith(active, { ...rule('c', 15), active: true }).map((r) => r.id)).toEqual(['a', 'c', 'b']);
    expect(catalogueWith(active, { ...rule('a', 10), active: false }).map((r) => r.id)).toEqual(['b']);
  });
});

describe('casePlace', () => {
  it('places a case by its category in the tree', () => {
    const tree = new Map([
      ['010101', { parentCode: '0101' }],
      ['0101', { parentCode: '01' }],
    ]);
    const c = { categoryCode: '010101', districtCode: '110105', streetCode: null, overflowFrom: null };
    expect(casePlace(c, tree).categoryPath).toEqual(['010101', '0101', '01']);
  });
});
