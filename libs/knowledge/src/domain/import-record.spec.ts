import { parseImportRecord } from './import-record';

const good = {
  ref: 'kb-1',
  title: ' 占道经营的投诉方式 ',
  questions: ['摆摊堵路找谁'],
  answer: '由属地街道城管执法队查处。',
  kind: 'faq',
  audience: 'citizen',
  categoryCodes: ['010101'],
  ownerUnitCode: 'DEPT-URBAN-LAW-ENFORCEMENT',
  documentNumber: null,
  source: null,
  effectiveFrom: '2024-01-01',
  effectiveTo: null,
  reviewBy: null,
};

describe('parseImportRecord', () => {
  it('reads a JSONL record, trimmed', () => {
    expect(parseImportRecord(good, 'array')).toEqual({ entry: { ...good, title: '占道经营的投诉方式' } });
  });

  it('reads CSV cells: | between list items, an empty cell not given', () => {
    const csv = {
      ...good,
      questions: '摆摊堵路找谁| 夜市占道 ',
      categoryCodes: '',
      effectiveFrom: '',
      documentNumber: '',
    };
    const { entry } = parseImportRecord(csv, 'pipe') as { entry: Record<string, unknown> };
    expect(entry).toMatchObject({ questions: ['摆摊堵路找谁', '夜市占道'], categoryCodes: [], documentNumber: null });
    expect(entry).not.toHaveProperty('effectiveFrom');
  });

  it('names every bad field', () => {
    const bad = { ...good, ref: '', kind: 'rumour', questions: 'x', effectiveFrom: '2024-02-30', colour: 'red' };
    const result = parseImportRecord(bad, 'array') as { problems: { field: string; reason: string }[] };
    expect(result.problems.map((p) => [p.field, p.reason])).toEqual([
      ['colour', 'whitelistValidation'],
      ['ref', 'isNotEmpty'],
      ['questions', 'isArray'],
      ['kind', 'isIn'],
      ['effectiveFrom', 'isDateString'],
    ]);
  });

  it('refuses an end before the start', () => {
    const result = parseImportRecord({ ...good, effectiveTo: '2023-12-31' }, 'array') as {
      problems: { field: string }[];
    };
    expect(result.problems.map((p) => p.field)).toEqual(['effectiveTo']);
  });
});
