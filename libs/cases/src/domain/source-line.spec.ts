import { LineFacts, resolveSourceLine } from './source-line';

const facts: LineFacts = {
  hotlineByNumber: (n) =>
    ({
      '12345': { code: '12345', kind: 'primary' as const, unitCode: null },
      '12319': { code: '12319', kind: 'merged' as const, unitCode: null },
      '96116': { code: '96116', kind: 'utility' as const, unitCode: 'UTIL-WATER' },
    })[n],
  unit: (code) =>
    ({
      'UTIL-WATER': { kind: 'utility' as const, active: true },
      '110105': { kind: 'district' as const, active: true },
    })[code],
};

describe('resolveSourceLine', () => {
  it('keeps the merged line a call came in on', () => {
    expect(resolveSourceLine('12319', undefined, facts)).toEqual({ hotlineCode: '12319', overflowFrom: null });
  });

  it('treats a utility line as overflow from that utility', () => {
    expect(resolveSourceLine('96116', undefined, facts)).toEqual({ hotlineCode: '96116', overflowFrom: 'UTIL-WATER' });
    expect(resolveSourceLine('96116', 'UTIL-WATER', facts)).toEqual({
      hotlineCode: '96116',
      overflowFrom: 'UTIL-WATER',
    });
  });

  it('reads an overflow declared by the utility line’s number as that utility', () => {
    expect(resolveSourceLine('12345', '96116', facts)).toEqual({ hotlineCode: '12345', overflowFrom: 'UTIL-WATER' });
    expect(resolveSourceLine('96116', '96116', facts)).toEqual({ hotlineCode: '96116', overflowFrom: 'UTIL-WATER' });
    expect(resolveSourceLine('12345', '12319', facts)).toMatchObject({
      problems: [{ field: 'overflowFrom', reason: 'not_a_utility' }],
    });
  });

  it('accepts an overflow declared on 12345', () => {
    expect(resolveSourceLine('12345', 'UTIL-WATER', facts)).toEqual({
      hotlineCode: '12345',
      overflowFrom: 'UTIL-WATER',
    });
  });

  it('names the bad field', () => {
    expect(resolveSourceLine('110', undefined, facts)).toEqual({
      problems: [{ field: 'dialedNumber', message: 'is not a line of this centre', reason: 'unknown_line' }],
    });
    expect(resolveSourceLine('96116', 'UTIL-GAS', facts)).toMatchObject({ problems: [{ field: 'overflowFrom' }] });
    expect(resolveSourceLine('12345', '110105', facts)).toMatchObject({ problems: [{ field: 'overflowFrom' }] });
  });
});
