import { caseSearchOf, caseSearchTexts } from './case-search';

describe('caseSearchTexts', () => {
  it('cuts the description (B) and the address (C) into words, as the knowledge base does', () => {
    const texts = caseSearchTexts({ description: '小区暖气不热，家里温度只有十五度', address: '朝阳区建国路88号院' });
    expect(texts.B.split(' ')).toEqual(expect.arrayContaining(['小区', '暖气', '温度']));
    expect(texts.C.split(' ')).toEqual(expect.arrayContaining(['朝阳', '朝阳区', '88']));
  });

  it('folds traditional characters and full-width forms', () => {
    expect(caseSearchTexts({ description: '暖氣不熱', address: '１２號' }).B.split(' ')).toContain('暖气');
  });

  it('takes nothing but the description and the address (never the caller)', () => {
    const registered = { description: '路灯不亮', address: '建国路', callerName: '张三', callerPhone: '13800138000' };
    const texts = caseSearchTexts(registered);
    expect(`${texts.B} ${texts.C}`).not.toMatch(/张三|13800138000/);
  });
});

describe('caseSearchOf', () => {
  it('reads a case number as an exact lookup (full-width digits and blanks allowed)', () => {
    expect(caseSearchOf('20261125-0001234')).toEqual({ kind: 'case_number', caseNumber: '20261125-0001234' });
    expect(caseSearchOf(' ２０２６１１２５－０００１２３４ ')).toEqual({
      kind: 'case_number',
      caseNumber: '20261125-0001234',
    });
    expect(caseSearchOf('20261125-12345678')).toEqual({ kind: 'case_number', caseNumber: '20261125-12345678' });
  });

  it('reads anything else as words, with their synonyms', () => {
    const search = caseSearchOf('供暖不热');
    expect(search.kind).toBe('words');
    expect(search.kind === 'words' && search.tsquery).toContain("'暖气'");
    expect(caseSearchOf('20261125').kind).toBe('words');
    expect(caseSearchOf('2026-0001234').kind).toBe('words');
  });

  it('finds nothing for filler alone', () => {
    expect(caseSearchOf('请问了吗')).toEqual({ kind: 'nothing' });
    expect(caseSearchOf('？！')).toEqual({ kind: 'nothing' });
  });
});
