import type { DomainError } from '@hotline/core';
import { parseChildUnitsCsv } from './child-units-csv';

const refusals = (work: () => unknown): string[] => {
  try {
    work();
  } catch (error) {
    return (error as DomainError).fields.map((f) => `${f.field}:${f.reason}`);
  }
  return [];
};

describe('parseChildUnitsCsv', () => {
  it('reads communities under known streets, and streets under known districts', () => {
    const csv = '\uFEFFcode,name,streetCode\n110105001004,建外街道北郎家园社区,110105001\n';
    expect(parseChildUnitsCsv(csv, 'community', new Set(['110105001']))).toEqual([
      { code: '110105001004', name: '建外街道北郎家园社区', parentCode: '110105001' },
    ]);
    const streets = 'code,name,districtCode\n110105099,测试街道,110105\n';
    expect(parseChildUnitsCsv(streets, 'street', new Set(['110105']))).toEqual([
      { code: '110105099', name: '测试街道', parentCode: '110105' },
    ]);
  });

  it('names every bad line and field', () => {
    const csv = [
      'code,name,streetCode',
      '11010500100,短了,110105001',
      '110105002001,别的街道,110105001',
      '110105001004,,110199001',
    ].join('\n');
    expect(refusals(() => parseChildUnitsCsv(csv, 'community', new Set(['110105001'])))).toEqual([
      'line 2.code:bad_format',
      'line 3.code:not_in_street',
      'line 4.name:required',
      'line 4.streetCode:unknown_street',
    ]);
    expect(refusals(() => parseChildUnitsCsv('code,name,districtCode\n', 'community', new Set()))).toEqual([
      'file:bad_header',
    ]);
  });
});
