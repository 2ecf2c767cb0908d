import {
  changedContent,
  changedFields,
  contentProblems,
  type EntryContent,
  inEffect,
  newContent,
  sameContent,
} from './entry-content';

const content: EntryContent = newContent(
  {
    title: ' 住房公积金提取 ',
    answer: '携带身份证办理。',
    kind: 'procedure',
    audience: 'both',
    ownerUnitCode: 'DEPT-HOUSING-FUND',
    questions: ['公积金怎么取', ' ', '公积金怎么取 '],
    categoryCodes: ['130101', '130101'],
  },
  '2026-11-30',
);

const directory = {
  unitExists: (code: string) => code === 'DEPT-HOUSING-FUND',
  categoryExists: (code: string) => code === '130101',
};

describe('entry content', () => {
  it('is tidied: trimmed, no empty or repeated questions and categories, in effect from today', () => {
    expect(content).toMatchObject({
      title: '住房公积金提取',
      questions: ['公积金怎么取'],
      categoryCodes: ['130101'],
      effectiveFrom: '2026-11-30',
      effectiveTo: null,
      documentNumber: null,
    });
  });

  it('changes only what an edit sends, and null clears', () => {
    const next = changedContent({ ...content, source: '管理中心' }, { answer: '网上办理。', source: null });
    expect(next).toEqual({ ...content, answer: '网上办理。', source: null });
    expect(changedFields(content, next)).toEqual(['answer']);
  });

  it('tells an edit that says the same from one that does not', () => {
    expect(sameContent(content, changedContent(content, { title: '住房公积金提取  ' }))).toBe(true);
    expect(sameContent(content, changedContent(content, { questions: ['公积金怎么取', '提取条件'] }))).toBe(false);
  });

  it('names unknown units and categories, days out of order and blank text', () => {
    const problems = contentProblems(
      { ...content, ownerUnitCode: 'NOPE', categoryCodes: ['130101', '99'], effectiveTo: '2026-01-01', title: '' },
      directory,
    );
    expect(problems.map((p) => [p.field, p.reason])).toEqual([
      ['ownerUnitCode', 'unknown_unit'],
      ['categoryCodes.1', 'unknown_category'],
      ['effectiveTo', 'before_effective_from'],
      ['title', 'isNotEmpty'],
    ]);
    expect(contentProblems(content, directory)).toEqual([]);
  });

  it('is in effect from its first day to its last, both included', () => {
    const dated = { effectiveFrom: '2026-01-01', effectiveTo: '2026-12-31' };
    expect([inEffect(dated, '2025-12-31'), inEffect(dated, '2026-01-01'), inEffect(dated, '2026-12-31')]).toEqual([
      false,
      true,
      true,
    ]);
    expect(inEffect(dated, '2027-01-01')).toBe(false);
    expect(inEffect({ effectiveFrom: '2026-01-01', effectiveTo: null }, '2099-01-01')).toBe(true);
  });
});
