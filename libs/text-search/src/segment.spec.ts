import { HOTLINE_TERMS } from './data/hotline-terms';
import { SYNONYM_GROUPS } from './data/synonyms';
import { fold } from './fold';
import { isWord, words, wordsForIndex } from './segment';

describe('segmentation', () => {
  it('keeps hotline terms whole that jieba alone would split', () => {
    expect(words('小区门口有商贩占道经营')).toEqual(['小区', '门口', '有', '商贩', '占道经营']);
    expect(words('接诉即办')).toEqual(['接诉即办']);
    expect(words('统一社会信用代码查询')).toEqual(['统一社会信用代码', '查询']);
    expect(words('我家没水了')).toEqual(['我家', '没水', '了']);
  });

  it('keeps every dictionary term and every synonym one word', () => {
    const split = [...HOTLINE_TERMS, ...SYNONYM_GROUPS.flat()].map(fold).filter((term) => words(term).length !== 1);
    expect(split).toEqual([]);
  });

  it('leaves unknown runs as single characters instead of guessing words (no HMM)', () => {
    expect(words('楼上太吵了')).toEqual(['楼上', '太', '吵', '了']);
    expect(words('公积经提取')).toEqual(['公积', '经', '提取']);
  });

  it('adds the words inside a long word in search mode', () => {
    expect(wordsForIndex('住房公积金提取')).toEqual(['住房', '公积', '积金', '公积金', '住房公积金', '提取']);
  });

  it('tells words from punctuation and spaces', () => {
    expect(['停水', '12345', 'app', '，', '？', ' ', '…'].map(isWord)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});
