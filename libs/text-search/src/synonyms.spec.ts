import { SYNONYM_GROUPS } from './data/synonyms';
import { synonymsOf } from './synonyms';

describe('synonymsOf', () => {
  it('gives every word of a group for any of them', () => {
    expect(synonymsOf('暖气')).toEqual(expect.arrayContaining(['暖气', '供暖', '供热', '采暖']));
    expect(synonymsOf('采暖')).toEqual(expect.arrayContaining(['暖气', '供暖']));
    expect(synonymsOf('没水')).toEqual(expect.arrayContaining(['停水', '断水']));
    expect(synonymsOf('住房公积金')).toEqual(expect.arrayContaining(['公积金']));
    expect(synonymsOf('吵')).toEqual(expect.arrayContaining(['噪音', '噪声']));
  });

  it('gives a word without a group just itself', () => {
    expect(synonymsOf('提取')).toEqual(['提取']);
  });

  it('has at least 40 groups of at least two different words', () => {
    expect(SYNONYM_GROUPS.length).toBeGreaterThanOrEqual(40);
    expect(SYNONYM_GROUPS.filter((group) => new Set(group).size < 2)).toEqual([]);
  });
});
